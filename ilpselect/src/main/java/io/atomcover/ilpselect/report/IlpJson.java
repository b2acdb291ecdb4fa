package io.atomcover.ilpselect.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.ilpselect.ilp.IlpOptions;
import io.atomcover.ilpselect.ilp.IlpSolver;
import java.util.Locale;

/** ILP options as report parameters. */
public final class IlpJson {
    private IlpJson() {
    }

    /**
     * The settings that shape an ILP ranking (not the thread count, which does not), as report
     * parameters; the wall-clock limits only when set, the pruning check only when on (it adds to the
     * report but leaves the ranking as it is, and rankings stored before it existed keep their parameters).
     */
    public static void put(ObjectNode p, IlpOptions ilp) {
        p.put("penalty", ilp.penalty());
        p.put("solver", ilp.solver().name().toLowerCase(Locale.ROOT));
        p.put("candidates", ilp.candidates());
        p.put("whole_molecules", ilp.wholeMolecules());
        p.put("widen", ilp.widen());
        if (ilp.solver() == IlpSolver.CPSAT) {
            p.put("budget", ilp.budget());
            p.put("round_budget", ilp.roundBudget());
            p.put("solver_workers", ilp.solverWorkers());
        }
        if (ilp.solver() == IlpSolver.BNB) p.put("node_limit", ilp.nodeLimit());
        if (ilp.timeLimitSeconds() != Double.POSITIVE_INFINITY) p.put("time_limit", ilp.timeLimitSeconds());
        if (ilp.roundLimitSeconds() != Double.POSITIVE_INFINITY) p.put("round_limit", ilp.roundLimitSeconds());
        p.put("count_hydrogens", ilp.countHydrogens());
        p.put("resolution", ilp.resolution());
        if (ilp.pruningCheck()) {
            p.put("pruning_check", true);
            p.put("pruning_check_max", ilp.pruningCheckMax());
        }
    }
}
