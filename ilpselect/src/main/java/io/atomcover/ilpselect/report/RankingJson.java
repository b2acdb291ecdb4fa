package io.atomcover.ilpselect.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.ilpselect.ilp.IlpSolution;
import io.atomcover.ilpselect.ilp.PruningCost;
import io.atomcover.ilpselect.ilp.Ranking;
import io.atomcover.structure.Dataset;
import java.util.Locale;

/** The ranking fields of the JSON reports of {@code select} and {@code experiment}. */
public final class RankingJson {
    private RankingJson() {
    }

    /** {@code ranking} (database indices) and {@code names} (their name= values, or null). */
    public static void putOrder(ObjectNode root, int[] order, Dataset db) {
        ArrayNode ranking = root.putArray("ranking");
        ArrayNode names = root.putArray("names");
        for (int m : order) {
            ranking.add(m);
            String n = db.get(m).info().get("name");
            if (n != null) names.add(n);
            else names.addNull();
        }
    }

    /**
     * {@code scores}, {@code complete}, {@code stop}, {@code deterministicTime} (ILP with CP-SAT: the
     * budget used), {@code objective} and {@code solutions} (with wall and deterministic time: since the
     * start when found, and of the solve) of a ranking, the ILP {@code model} (candidate pairs, molecules, pruning bound) when not null, and the
     * pruning check's fields when it ran ({@link #putPruningCheck}).
     */
    public static void putDetails(ObjectNode root, Ranking r, double[] model) {
        double[] scores = r.scores();
        if (scores == null) {
            root.putNull("scores");
        } else {
            ArrayNode a = root.putArray("scores");
            for (double v : scores) a.add(v);
        }
        root.put("complete", r.stop() == Ranking.Stop.SIZE_REACHED);
        root.put("stop", r.stop().name().toLowerCase(Locale.ROOT));
        if (!Double.isNaN(r.deterministicTime())) root.put("deterministicTime", r.deterministicTime());
        ArrayNode objective = root.putArray("objective");
        ArrayNode solutions = root.putArray("solutions");
        for (IlpSolution s : r.solutions()) {
            objective.add(s.objective());
            ObjectNode o = solutions.addObject();
            ArrayNode mols = o.putArray("molecules");
            for (int m : s.molecules()) mols.add(m);
            ArrayNode fresh = o.putArray("newMolecules");
            for (int m : s.newMolecules()) fresh.add(m);
            o.put("objective", s.objective());
            o.put("distanceTerm", s.distanceTerm());
            o.put("penaltyTerm", s.objective() - s.distanceTerm());
            ReportJson.putFinite(o, "bound", s.bound());
            ReportJson.putFinite(o, "pruningBound", s.pruningBound());
            ReportJson.putFinite(o, "lagrangianBound", s.lagrangianBound());
            ReportJson.putFinite(o, "lagrangianSeconds", s.lagrangianSeconds());
            ReportJson.putFinite(o, "lowerBound", s.lowerBound());
            ReportJson.putFinite(o, "gap", s.gap());
            o.put("optimal", s.optimal());
            o.put("seconds", s.seconds());
            ReportJson.putFinite(o, "deterministicTime", s.deterministicTime());
            o.put("solveSeconds", s.solveSeconds());
            ReportJson.putFinite(o, "solveDeterministicTime", s.solveDeterministicTime());
            o.put("candidates", s.candidates());
            ArrayNode mapping = o.putArray("mapping");
            for (int k = 0; k < s.targetAtoms().length; k++) {
                ObjectNode e = mapping.addObject();
                e.put("targetAtom", s.targetAtoms()[k]);
                e.put("molecule", s.mappedMolecule()[k]);
                e.put("atom", s.mappedAtom()[k]);
                e.put("squaredDistance", s.squaredDistance()[k]);
            }
        }
        if (model != null) {
            ObjectNode m = root.putObject("model");
            m.put("pairs", (long) model[0]);
            m.put("molecules", (long) model[1]);
            ReportJson.putFinite(m, "pruningBound", model[2]);
        }
        if (r.pruningCheck() != null) putPruningCheck(root, r.pruningCheck());
    }

    /**
     * {@code pruningCheck} (per K: candidates, status, objective, bound, pruningBound, optimal,
     * seconds, deterministicTime, pairs, molecules), {@code pruningCheckStop}, {@code pruningCost} (at least),
     * {@code pruningCostAtMost}, {@code pruningCostExact} and {@code unprunedBound}; infinite or
     * unknown values are null.
     */
    public static void putPruningCheck(ObjectNode root, PruningCost check) {
        ArrayNode steps = root.putArray("pruningCheck");
        for (PruningCost.Step s : check.steps()) {
            ObjectNode o = steps.addObject();
            o.put("candidates", s.candidates());
            o.put("status", status(s));
            ReportJson.putFinite(o, "objective", s.objective());
            ReportJson.putFinite(o, "bound", s.bound());
            ReportJson.putFinite(o, "pruningBound", s.pruningBound());
            o.put("optimal", s.optimal());
            o.put("seconds", s.seconds());
            ReportJson.putFinite(o, "deterministicTime", s.deterministicTime());
            o.put("pairs", s.pairs());
            o.put("molecules", s.molecules());
        }
        root.put("pruningCheckStop", check.stop().name().toLowerCase(Locale.ROOT));
        ReportJson.putFinite(root, "pruningCost", check.cost());
        ReportJson.putFinite(root, "pruningCostAtMost", check.costAtMost());
        root.put("pruningCostExact", check.exact());
        ReportJson.putFinite(root, "unprunedBound", check.unprunedBound());
    }

    /** optimal, feasible (a solution, not proven optimal), infeasible or unknown (no solution in time). */
    public static String status(PruningCost.Step s) {
        if (s.optimal()) return "optimal";
        if (s.solved()) return "feasible";
        return s.bound() == Double.POSITIVE_INFINITY ? "infeasible" : "unknown";
    }

    /** Human words for why a ranking ended. */
    public static String stopText(Ranking.Stop stop) {
        return switch (stop) {
            case SIZE_REACHED -> "complete";
            case TIME_LIMIT -> "budget or time limit reached";
            case EXHAUSTED -> "no further molecule can be mapped";
        };
    }
}
