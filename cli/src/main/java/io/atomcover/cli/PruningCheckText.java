package io.atomcover.cli;

import io.atomcover.ilpselect.ilp.PruningCost;
import io.atomcover.ilpselect.progress.IlpProgress;
import io.atomcover.ilpselect.report.RankingJson;
import java.util.ArrayList;
import java.util.List;

/** The human summary of a pruning check: one line per K, then what pruning to the first K costs. */
final class PruningCheckText {
    private PruningCheckText() {
    }

    static List<String> lines(PruningCost check) {
        List<String> lines = new ArrayList<>();
        lines.add("pruning check (first program, no enumeration constraint):");
        lines.add(Text.format("  %6s %12s %12s %-10s %9s %9s %8s", "K", "objective", "bound", "status", "seconds", "dtime", "pairs"));
        for (PruningCost.Step s : check.steps())
            lines.add(Text.format("  %6s %12.4f %12.4f %-10s %9.1f %9.2f %8d", IlpProgress.k(s.candidates()), s.objective(), s.bound(),
                    RankingJson.status(s), s.seconds(), s.deterministicTime(), s.pairs()));
        lines.add("  stopped: " + stopText(check.stop()));
        PruningCost.Step k = check.first();
        if (k == null || Double.isNaN(check.minObjective())) {
            lines.add("  no solution: nothing measured");
        } else if (check.cost() == Double.POSITIVE_INFINITY) {
            lines.add(Text.format("  pruning at K=%s leaves no solution", IlpProgress.k(k.candidates())));
        } else if (check.exact()) {
            lines.add(Text.format("  pruning at K=%s costs %.4f (objective %.4f, unpruned optimum %.4f)", IlpProgress.k(k.candidates()),
                    check.cost(), k.objective(), check.minObjective()));
        } else {
            lines.add(Text.format("  pruning at K=%s costs at least %.4f (objective %.4f, lowest found %.4f; a lower estimate: the "
                            + "unpruned optimum is only known to lie in [%.4f, %.4f], so the cost is at most %.4f)",
                    IlpProgress.k(k.candidates()), check.cost(), k.objective(), check.minObjective(), check.unprunedBound(),
                    check.minObjective(), check.costAtMost()));
        }
        return lines;
    }

    private static String stopText(PruningCost.Stop stop) {
        return switch (stop) {
            case CONVERGED -> "the objective did not decrease for two doublings in a row";
            case ALL_ATOMS -> "every atom is a candidate";
            case CAP -> "the next K would pass --pruning-check-max";
            case TIME_LIMIT -> "budget or time limit reached";
        };
    }
}
