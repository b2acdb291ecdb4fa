package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.backend.Tolerance;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --tolerance REL}: kernel sums within a relative error, and the bound it puts on the results. */
public final class ToleranceOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--tolerance", paramLabel = "REL",
            description = "Allow every kernel sum a relative error of at most REL (0 = exact, the default; else "
                    + "1e-9 to 0.5). The CPU backend then skips or aggregates far pairs; each log p, hence dH, "
                    + "entropy and diversity, moves by at most -log(1 - REL), reported as the bound. Selections "
                    + "and the overlap of compress are computed exactly; overlap reports the range the bound leaves. "
                    + "It pays where many pairs lie far out; on dense data (MD snapshots) its bookkeeping can cost more "
                    + "than it saves (Si-train x 8: 37 s against 22-25 s exact); for a quick look at a large set use "
                    + "entropy --sample.")
    double rel;

    void validate() {
        try {
            Tolerance.check(rel);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), "--tolerance: " + e.getMessage());
        }
    }

    /** The bound -log(1 - REL) on entropy, diversity and each dH; 0 when exact. */
    double bound() {
        return Tolerance.logBound(rel);
    }

    /** With a tolerance: "tolerance" and {@code field} (the bound) in the JSON report; nothing when exact. */
    void putJson(ObjectNode report, String field) {
        if (rel == 0) return;
        report.put("tolerance", rel);
        report.put(field, bound());
    }

    /** With a tolerance: one text line naming the bound; nothing when exact. */
    void printLine(PrintWriter o, String what) {
        if (rel == 0) return;
        Text.line(o, what + " bound", Text.format("+/- %.3g nats (--tolerance %s: |d log p_i| <= -log(1 - REL))", bound(),
                Double.toString(rel)));
    }
}
