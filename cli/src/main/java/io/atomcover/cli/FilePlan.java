package io.atomcover.cli;

import io.atomcover.io.CompressedStreams;
import io.atomcover.io.InputSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The files a command reads and the files it may write, declared before it does any work (see
 * {@link BaseCommand#declareFiles}), and the checks that keep a run from destroying what it reads:
 * no output may be one of the inputs, no two outputs may be the same file, and every output must be
 * writable where it is. "The same file" is decided on real paths (symbolic links resolved) and, when
 * both files exist, by {@link Files#isSameFile}, which also recognises hard links.
 */
final class FilePlan {
    /**
     * The names an output option accepts: the extensions of the format it writes (compared without
     * regard to case) and, where the option can print instead of writing a file, {@code -}.
     */
    record Names(List<String> extensions, boolean stdout, List<String> compressible) {
        /** JSON reports, or {@code -} for standard output. */
        static final Names JSON = of(".json").orStdout();
        /** NumPy arrays. */
        static final Names NPY = of(".npy");
        /** Comma-separated tables. */
        static final Names CSV = of(".csv");
        /** Plots: PNG or SVG. */
        static final Names PLOT = of(".png", ".svg");

        static Names of(String... extensions) {
            return new Names(List.of(extensions), false, List.of());
        }

        /** The same extensions, and {@code -} as well. */
        Names orStdout() {
            return new Names(extensions, true, compressible);
        }

        /** The same, where these extensions may go on with .gz, .xz or .bz2 (a compressed file). */
        Names compressed(String... which) {
            return new Names(extensions, stdout, List.of(which));
        }

        /** Whether {@code file} (not {@code -}) ends in one of the extensions. */
        boolean accepts(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            String base = CompressedStreams.baseName(file).toLowerCase(Locale.ROOT);
            return extensions.stream().anyMatch(name::endsWith) || (!base.equals(name) && compressible.stream().anyMatch(base::endsWith));
        }

        /** ".json, .extxyz or .xyz (or be '-' for standard output)". */
        String describe() {
            int n = extensions.size();
            String list = n == 1 ? extensions.get(0) : String.join(", ", extensions.subList(0, n - 1)) + " or " + extensions.get(n - 1);
            String packed = compressible.isEmpty() ? "" : "; " + String.join(" and ", compressible) + " may go on with .gz, .xz or .bz2";
            return list + (stdout ? " (or be '-' for standard output)" : "") + packed;
        }
    }

    /** An output: what the user wrote (for messages), the file it names, the names allowed (null: any). */
    private record Output(String label, Path file, Names names, boolean folderMustExist) {
    }

    /** A folder whose every file the command may write. */
    private record Folder(String label, Path folder) {
    }

    private final List<Path> inputs = new ArrayList<>();
    private final List<Output> outputs = new ArrayList<>();
    private final List<Folder> folders = new ArrayList<>();
    /** How many inputs are standard input. */
    private int stdinInputs;
    /** The options given {@code -} (standard output). */
    private final List<String> stdout = new ArrayList<>();

    /**
     * A file the command reads; null (an option not given) is ignored. A structure input is named as
     * {@link InputSpec} reads it: {@code FILE@SEL} stands for FILE, and {@code -} for standard input.
     */
    void input(Path file) {
        if (file == null) return;
        InputSpec spec = InputSpec.of(file);
        if (spec.isStdin()) stdinInputs++;
        else inputs.add(spec.file());
    }

    /** Files the command reads; null is ignored. */
    void inputs(Collection<Path> files) {
        if (files != null) files.forEach(this::input);
    }

    /**
     * A file named by {@code option}, which must be one of {@code names}; null (not given) is ignored.
     * Its folder must exist.
     */
    void output(String option, Path file, Names names) {
        if (file == null) return;
        if (Json.STDOUT.equals(file) && names.stdout()) {
            stdout.add(option);
            return;
        }
        outputs.add(new Output(option + " " + file, file, names, true));
    }

    /**
     * A file the command writes without the user naming it (next to an output, or in a folder it
     * creates); {@code why} says where it comes from, for messages ("--plot p.png").
     */
    void derivedOutput(String why, Path file) {
        if (file != null) outputs.add(new Output(file + " (written for " + why + ")", file, null, false));
    }

    /** A folder whose every file the command may write or replace; {@code why} as for {@link #derivedOutput}. */
    void outputFolder(String why, Path folder) {
        if (folder != null) folders.add(new Folder(why, folder));
    }

    /**
     * Checks the plan: a usage error (exit 2) when an output is an input or another output, an input
     * lies in an output folder, an output's name does not fit its option or standard output is
     * given twice; a {@link CliFailure} (exit 1) when an output's folder is missing or the output is
     * a folder.
     */
    void check(BaseCommand command) {
        for (Output o : outputs) {
            for (Path in : inputs)
                if (sameFile(o.file(), in))
                    throw command.usage(o.label() + ": the same file as the input " + in + "; an output must not replace an input");
        }
        for (int i = 0; i < outputs.size(); i++)
            for (int j = 0; j < i; j++)
                if (sameFile(outputs.get(i).file(), outputs.get(j).file()))
                    throw command.usage(outputs.get(i).label() + ": the same file as " + outputs.get(j).label()
                            + "; every output needs a file of its own");
        for (Folder f : folders) {
            Path folder = realPath(f.folder());
            for (Path in : inputs)
                if (realPath(in).startsWith(folder))
                    throw command.usage(f.label() + " writes its results in " + f.folder() + ", where the input " + in
                            + " is; move the input or choose another output folder");
        }
        for (Output o : outputs)
            if (o.names() != null && !o.names().accepts(o.file()))
                throw command.usage(o.label() + ": the name must end in " + o.names().describe());
        if (stdinInputs > 1) throw command.usage("standard input ('-') can be read by one input only");
        if (stdout.size() > 1)
            throw command.usage("standard output ('-') given more than once: " + String.join(" -, ", stdout) + " -");
        for (Output o : outputs) {
            Path dir = o.file().toAbsolutePath().getParent();
            if (o.folderMustExist() && dir != null && !Files.isDirectory(dir))
                throw new CliFailure(o.file() + ": cannot write: folder " + dir + " does not exist");
            if (Files.isDirectory(o.file())) throw new CliFailure(o.file() + ": cannot write: is a folder");
        }
    }

    /** Whether a and b name the same file: the same real path, or (both existing) the same file by {@link Files#isSameFile}. */
    static boolean sameFile(Path a, Path b) {
        if (realPath(a).equals(realPath(b))) return true;
        if (!Files.exists(a) || !Files.exists(b)) return false;
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The absolute path with every symbolic link resolved as far as the file system goes: the real path
     * of the longest existing ancestor, followed by the rest as written (normalised).
     */
    static Path realPath(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null) {
            try {
                return existing.toRealPath().resolve(existing.relativize(abs));
            } catch (IOException e) {
                existing = existing.getParent();
            }
        }
        return abs;
    }
}
