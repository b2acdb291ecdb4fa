package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.ilpselect.api.Selected;
import io.atomcover.ilpselect.ilp.IlpOptions;
import io.atomcover.ilpselect.ilp.IlpSolution;
import io.atomcover.ilpselect.ilp.RankingMethod;
import io.atomcover.ilpselect.ilp.Ranking;
import io.atomcover.ilpselect.progress.IlpProgress;
import io.atomcover.ilpselect.report.IlpJson;
import io.atomcover.ilpselect.report.RankingJson;
import io.atomcover.structure.Dataset;
import java.nio.file.Path;
import java.util.List;

/** The JSON report and the summary line of {@code select}. */
final class SelectReport {
    private final SelectCommand command;
    private final Dataset db;
    private final Dataset targets;
    private final int targetIndex;
    private final IlpOptions ilp;

    SelectReport(SelectCommand command, Dataset db, Dataset targets, int targetIndex, IlpOptions ilp) {
        this.command = command;
        this.db = db;
        this.targets = targets;
        this.targetIndex = targetIndex;
        this.ilp = ilp;
    }

    /** The report: method, target, database, the ranking's fields, times and parameters. */
    ObjectNode json(Selected selected, double seconds) {
        Ranking r = selected.ranking();
        ObjectNode root = Json.object();
        root.put("method", r.method());
        ObjectNode target = root.putObject("target");
        target.put("file", command.targetFile.toString());
        target.put("index", targetIndex);
        String name = targets.get(targetIndex).info().get("name");
        if (name != null) target.put("name", name);
        else target.putNull("name");
        root.put("database", command.databaseFile.toString());
        root.put("database_size", db.size());
        RankingJson.putOrder(root, r.order(), db);
        RankingJson.putDetails(root, r, selected.model());
        root.put("ranking_seconds", r.seconds());
        root.put("seconds", seconds);
        ObjectNode p = root.putObject("parameters");
        p.put("n", command.size);
        p.put("method", command.method.toString());
        ArrayNode el = p.putArray("elements");
        command.elements.forEach(el::add);
        p.put("threads", command.common.threads);
        if (command.method == RankingMethod.ILP) IlpJson.put(p, ilp);
        if (command.method == RankingMethod.RANDOM) p.put("seed", command.seed);
        return root;
    }

    /** "METHOD: K of N molecules ranked for TARGET (how it stopped, DB), S s[, budget used] -> OUT". */
    String summary(Ranking ranking, double seconds) {
        return Text.format("%s: %d of %d molecules ranked for %s (%s, %s), %.1f s%s -> %s", command.method,
                ranking.size(), command.size, targetLabel(), RankingJson.stopText(ranking.stop()) + widened(ranking),
                command.databaseFile, seconds, budgetUsed(ranking), String.join(", ", command.outputs.stream().map(Path::toString).toList()));
    }

    /** Every ranked molecule, best first: "INDEX NAME" (0-based database index, name= value), comma-separated. */
    String picks(Ranking ranking) {
        StringBuilder b = new StringBuilder();
        for (int m : ranking.order()) {
            if (b.length() > 0) b.append(", ");
            b.append(m);
            String name = db.get(m).info().get("name");
            if (name != null) b.append(' ').append(name);
        }
        return b.toString();
    }

    /** ", deterministic time D of budget B" for a CP-SAT ranking, else "". */
    private String budgetUsed(Ranking ranking) {
        if (Double.isNaN(ranking.deterministicTime())) return "";
        double b = ilp.budget();
        return Text.format(", deterministic time %.2f of budget %s", ranking.deterministicTime(),
                b == Math.rint(b) && Math.abs(b) < 1e15 ? Long.toString((long) b) : Double.toString(b));
    }

    /** ", candidates widened to K=…" when the ILP enumeration went past its first candidate set, else "". */
    private String widened(Ranking ranking) {
        List<IlpSolution> solutions = ranking.solutions();
        if (solutions.isEmpty()) return "";
        int k = solutions.get(solutions.size() - 1).candidates();
        return k == ilp.candidates() ? "" : ", candidates widened to K=" + IlpProgress.k(k);
    }

    private String targetLabel() {
        String name = targets.get(targetIndex).info().get("name");
        return name != null ? name : "frame " + targetIndex;
    }
}
