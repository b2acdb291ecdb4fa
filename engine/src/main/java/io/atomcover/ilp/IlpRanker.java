package io.atomcover.ilp;

import java.util.ArrayList;
import java.util.List;

/**
 * ILPSelect (SPEC section 7): maps every heavy atom of the target onto an atom of the same element
 * in some database molecule, minimising Σ |rep_i - rep_j|² + λ(Σ m_M - n), and enumerates solutions
 * that each bring at least one molecule no earlier solution used, until enough distinct molecules
 * are found, no new molecule can be mapped, or the time runs out.
 *
 * <p>Ranking rule: molecules in order of the objective of the first solution that used them; ties
 * (the same objective, including several new molecules of one solution) keep the order of
 * appearance, and within one solution ascending database index. Every solve but the first starts
 * from the previous solution as a hint and, once the previous solve was proven optimal, from its
 * objective as a floor (later solves only add constraints, so their optimum cannot be lower).
 */
public final class IlpRanker implements Ranker {
    private final IlpOptions options;
    private final IlpListener listener;

    public IlpRanker(IlpOptions options) {
        this(options, IlpListener.NONE);
    }

    public IlpRanker(IlpOptions options, IlpListener listener) {
        this.options = options;
        this.listener = listener == null ? IlpListener.NONE : listener;
    }

    @Override
    public String method() {
        return "ilp";
    }

    public IlpOptions options() {
        return options;
    }

    @Override
    public Ranking rank(MoleculeReps database, MoleculeReps target, int size) {
        Ranker.checkArguments(database, target, size);
        long t0 = System.nanoTime();
        MappingProblem problem = MappingProblem.build(database, target, options);
        listener.modelBuilt(problem.pairs(), problem.molecules(), problem.pruningBound);
        boolean[] seen = new boolean[problem.molecules()];
        int found = 0;
        List<IlpSolution> solutions = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        Ranking.Stop stop = Ranking.Stop.SIZE_REACHED;
        try (MappingModel model = options.solver() == IlpSolver.SCIP ? new ScipModel(problem, options) : new CpSatModel(problem, options)) {
            int[] hint = null;
            double floor = Double.NaN;
            while (found < size) {
                double left = options.timeLimitSeconds() - seconds(t0);
                if (left <= 0) {
                    stop = Ranking.Stop.TIME_LIMIT;
                    break;
                }
                MappingModel.Result r = model.solve(Math.min(left, options.roundLimitSeconds()), hint, floor);
                if (r.status() == MappingModel.Status.INFEASIBLE) {
                    stop = Ranking.Stop.EXHAUSTED;
                    break;
                }
                if (r.status() == MappingModel.Status.UNKNOWN) {
                    stop = Ranking.Stop.TIME_LIMIT; // not even a feasible solution within the time
                    break;
                }
                IlpSolution s = solution(problem, database, r, seen, seconds(t0));
                solutions.add(s);
                for (int m : s.newMolecules()) {
                    order.add(m);
                    scores.add(s.objective());
                }
                found += s.newMolecules().length;
                listener.solution(s, found, size);
                int[] unseen = java.util.stream.IntStream.range(0, seen.length).filter(m -> !seen[m]).toArray();
                if (unseen.length == 0) {
                    if (found < size) stop = Ranking.Stop.EXHAUSTED;
                    break;
                }
                model.requireOneOf(unseen);
                hint = r.pairs();
                floor = r.floor();
            }
        }
        // stable sort by the objective of the first solution holding each molecule
        double[] score = scores.stream().mapToDouble(Double::doubleValue).toArray();
        int[] byScore = Sorting.argsort(score);
        int keep = Math.min(size, byScore.length);
        int[] ranked = new int[keep];
        double[] rankedScores = new double[keep];
        for (int k = 0; k < keep; k++) {
            ranked[k] = order.get(byScore[k]);
            rankedScores[k] = score[byScore[k]];
        }
        return new Ranking(method(), ranked, rankedScores, solutions, stop, seconds(t0));
    }

    /** Turns a solver result into a solution and marks its molecules as seen. */
    private static IlpSolution solution(MappingProblem problem, MoleculeReps database, MappingModel.Result r, boolean[] seen, double seconds) {
        int n = problem.targetAtoms;
        int[] pairs = r.pairs();
        int[] mappedMolecule = new int[n];
        int[] mappedAtom = new int[n];
        double[] d2 = new double[n];
        boolean[] used = new boolean[problem.molecules()];
        for (int t = 0; t < n; t++) {
            int p = pairs[t];
            if (p < 0) throw new IllegalStateException("the solver left target atom " + problem.targetAtom[t] + " unmapped");
            int m = problem.pairMolecule[p];
            used[m] = true;
            mappedMolecule[t] = problem.moleculeIndex[m];
            mappedAtom[t] = problem.pairAtom[p] - database.start(problem.moleculeIndex[m]);
            d2[t] = problem.pairCost[p];
        }
        List<Integer> all = new ArrayList<>();
        List<Integer> fresh = new ArrayList<>();
        for (int m = 0; m < used.length; m++) {
            if (!used[m]) continue;
            all.add(problem.moleculeIndex[m]);
            if (!seen[m]) fresh.add(problem.moleculeIndex[m]);
            seen[m] = true;
        }
        double objective = problem.objective(pairs);
        double lowerBound = Math.min(r.bound(), problem.pruningBound);
        return new IlpSolution(toArray(all), toArray(fresh), problem.targetAtom.clone(), mappedMolecule, mappedAtom, d2,
                objective, r.bound(), lowerBound, r.status() == MappingModel.Status.OPTIMAL, seconds);
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
