package io.atomcover.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs atomcover command lines in-process with captured stdout and stderr. */
final class Cli {
    /** Outcome of one command line. */
    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    /** The bundled examples folder (tests run with the cli module as working folder). */
    static Path example(String name) {
        Path p = Path.of("..", "examples", "mlearn-si", name);
        if (!Files.isRegularFile(p)) throw new IllegalStateException("bundled example missing: " + p.toAbsolutePath());
        return p;
    }

    /** Three small molecules (water, ammonia, methane) as extended XYZ. */
    static Path writeMolecules(Path dir) throws java.io.IOException {
        String text = String.join("\n",
                "3",
                "Properties=species:S:1:pos:R:3 name=water",
                "O 0.000000 0.000000 0.117300",
                "H 0.000000 0.757200 -0.469200",
                "H 0.000000 -0.757200 -0.469200",
                "4",
                "Properties=species:S:1:pos:R:3 name=ammonia",
                "N 0.000000 0.000000 0.116500",
                "H 0.000000 0.939700 -0.271800",
                "H 0.813800 -0.469800 -0.271800",
                "H -0.813800 -0.469800 -0.271800",
                "5",
                "Properties=species:S:1:pos:R:3 name=methane",
                "C 0.000000 0.000000 0.000000",
                "H 0.629100 0.629100 0.629100",
                "H -0.629100 -0.629100 0.629100",
                "H -0.629100 0.629100 -0.629100",
                "H 0.629100 -0.629100 -0.629100",
                "");
        Path f = dir.resolve("molecules.extxyz");
        Files.writeString(f, text);
        return f;
    }

    /** An extended XYZ file whose fourth line has a non-numeric coordinate. */
    static Path writeMalformed(Path dir) throws java.io.IOException {
        Path f = dir.resolve("bad.extxyz");
        Files.writeString(f, "2\nProperties=species:S:1:pos:R:3\nH 0.0 0.0 0.0\nH 0.0 0.0 zero\n");
        return f;
    }
}
