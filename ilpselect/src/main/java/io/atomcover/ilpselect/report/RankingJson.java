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
     * {@code scores}, {@code complete}, {@code stop}, {@code deterministic_time} (ILP with CP-SAT: the
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
        if (!Double.isNaN(r.deterministicTime())) root.put("deterministic_time", r.deterministicTime());
        ArrayNode objective = root.putArray("objective");
        ArrayNode solutions = root.putArray("solutions");
        for (IlpSolution s : r.solutions()) {
            objective.add(s.objective());
            ObjectNode o = solutions.addObject();
            ArrayNode mols = o.putArray("molecules");
            for (int m : s.molecules()) mols.add(m);
            ArrayNode fresh = o.putArray("new_molecules");
            for (int m : s.newMolecules()) fresh.add(m);
            o.put("objective", s.objective());
            o.put("distance_term", s.distanceTerm());
            o.put("penalty_term", s.objective() - s.distanceTerm());
            ReportJson.putFinite(o, "bound", s.bound());
            ReportJson.putFinite(o, "pruning_bound", s.pruningBound());
            ReportJson.putFinite(o, "lagrangian_bound", s.lagrangianBound());
            ReportJson.putFinite(o, "lagrangian_seconds", s.lagrangianSeconds());
            ReportJson.putFinite(o, "lower_bound", s.lowerBound());
            ReportJson.putFinite(o, "gap", s.gap());
            o.put("optimal", s.optimal());
            o.put("seconds", s.seconds());
            ReportJson.putFinite(o, "deterministic_time", s.deterministicTime());
            o.put("solve_seconds", s.solveSeconds());
            ReportJson.putFinite(o, "solve_deterministic_time", s.solveDeterministicTime());
            o.put("candidates", s.candidates());
            ArrayNode mapping = o.putArray("mapping");
            for (int k = 0; k < s.targetAtoms().length; k++) {
                ObjectNode e = mapping.addObject();
                e.put("target_atom", s.targetAtoms()[k]);
                e.put("molecule", s.mappedMolecule()[k]);
                e.put("atom", s.mappedAtom()[k]);
                e.put("squared_distance", s.squaredDistance()[k]);
            }
        }
        if (model != null) {
            ObjectNode m = root.putObject("model");
            m.put("pairs", (long) model[0]);
            m.put("molecules", (long) model[1]);
            ReportJson.putFinite(m, "pruning_bound", model[2]);
        }
        if (r.pruningCheck() != null) putPruningCheck(root, r.pruningCheck());
    }

    /**
     * {@code pruning_check} (per K: candidates, status, objective, bound, pruning_bound, optimal,
     * seconds, deterministic_time, pairs, molecules), {@code pruning_check_stop}, {@code pruning_cost} (at least),
     * {@code pruning_cost_at_most}, {@code pruning_cost_exact} and {@code unpruned_bound}; infinite or
     * unknown values are null.
     */
    public static void putPruningCheck(ObjectNode root, PruningCost check) {
        ArrayNode steps = root.putArray("pruning_check");
        for (PruningCost.Step s : check.steps()) {
            ObjectNode o = steps.addObject();
            o.put("candidates", s.candidates());
            o.put("status", status(s));
            ReportJson.putFinite(o, "objective", s.objective());
            ReportJson.putFinite(o, "bound", s.bound());
            ReportJson.putFinite(o, "pruning_bound", s.pruningBound());
            o.put("optimal", s.optimal());
            o.put("seconds", s.seconds());
            ReportJson.putFinite(o, "deterministic_time", s.deterministicTime());
            o.put("pairs", s.pairs());
            o.put("molecules", s.molecules());
        }
        root.put("pruning_check_stop", check.stop().name().toLowerCase(Locale.ROOT));
        ReportJson.putFinite(root, "pruning_cost", check.cost());
        ReportJson.putFinite(root, "pruning_cost_at_most", check.costAtMost());
        root.put("pruning_cost_exact", check.exact());
        ReportJson.putFinite(root, "unpruned_bound", check.unprunedBound());
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
