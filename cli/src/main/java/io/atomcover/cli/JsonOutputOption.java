package io.atomcover.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code -o/--output OUT.json} of the commands whose only file output is their JSON report ('-':
 * standard output), as every command spells its outputs. {@code --json}, the old spelling, is kept
 * as a hidden alias so that scripts written for it still run.
 */
final class JsonOutputOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.json",
            description = "Also write the JSON report (fields in docs/cli.md); '-' prints it on stdout instead of the summary.")
    Path output;

    @Option(names = "--json", paramLabel = "OUT.json", hidden = true, description = "The old spelling of -o.")
    Path legacy;

    /** Refuses both spellings at once (exit 2). */
    void validate() {
        if (output != null && legacy != null)
            throw new ParameterException(mixee.commandLine(), "-o and --json are one option (--json is its old spelling): give it once");
    }

    /** The report file, '-' for standard output, or null when not asked for. */
    Path file() {
        return output != null ? output : legacy;
    }

    /** The spelling used, for messages about the file. */
    String label() {
        return output == null && legacy != null ? "--json" : "-o";
    }

    /** Whether the report goes to standard output instead of the summary. */
    boolean toStdout() {
        return Json.STDOUT.equals(file());
    }

    /** Declares the file, if any, to the command's file plan. */
    void declare(FilePlan files) {
        files.output(label(), file(), FilePlan.Names.JSON);
    }
}
