package io.atomcover.ilpselect.ilp;

import io.atomcover.ilpselect.fchl.MoleculeReps;

import java.util.ArrayList;
import java.util.List;

/**
 * ILPSelect (docs/methods.md, "The mapping problem"). With {@link IlpSolver#BNB} (default) the ranking
 * is computed molecule by molecule ({@link ForcedMoleculeRanking}), which gives the ranking of an
 * enumeration solved to optimality; the rest of this description is the enumeration of CP-SAT and
 * SCIP. It maps every heavy atom of the target onto an
 * atom of the same element in some database molecule, minimising Σ |rep_i - rep_j|² + λ(Σ m_M - n), and enumerates solutions
 * that each bring at least one molecule no earlier solution used, until enough distinct molecules
 * are found, no new molecule can be mapped, or the budget runs out.
 *
 * <p>Reproducibility: the budget ({@link IlpOptions#budget()}, {@link IlpOptions#roundBudget()}) is
 * CP-SAT deterministic time ({@link Budget}), every solve is a deterministic search
 * ({@link CpSatModel}), and the distances are computed per target atom independently of the thread
 * count, so a ranking depends on its inputs and options only, not on {@link IlpOptions#threads()} or
 * the machine's speed; wall-clock limits, when given, are the exception. Wall and deterministic time
 * are both reported, per solution and in total.
 *
 * <p>Widening: when the K candidates per target atom run out of new molecules before enough are
 * ranked (and {@link IlpOptions#widen()}), the program is rebuilt with 2K, 4K, … and at last all
 * atoms of the element ({@link CandidateSchedule}) and the enumeration goes on from where it stands:
 * same molecules seen, same ranking so far. Only when every atom is a candidate does running out
 * mean the database is exhausted.
 *
 * <p>Ranking rule: molecules in order of the objective of the first solution that used them, within
 * each candidate set, and candidate sets in the order used (a wider set can reach lower objectives;
 * its molecules still rank after the narrower set's, so widening only continues a ranking); ties
 * (the same objective, including several new molecules of one solution) keep the order of
 * appearance, and within one solution ascending database index. Every solve but the first starts
 * from the previous solution as a hint (also across a widening: the wider candidates hold its pairs)
 * and, once the previous solve within the same candidates was proven optimal, from its objective as
 * a floor (later solves only add constraints, so their optimum cannot be lower).
 *
 * <p>Bounds: each solution reports the solver's bound (valid within the candidates), the pruning
 * bound of its candidate set ({@link MappingProblem#pruningBound}) and a Lagrangian bound on the
 * unpruned program under the same enumeration constraint ({@link LagrangianBound}, multipliers
 * optimised after the first solve and warm-started for each later one); the distances behind it are
 * computed once per ranking and shared with every candidate set. {@link IlpSolution#lowerBound}
 * combines them into a bound on the unpruned program, so its gap shows what pruning may cost.
 *
 * <p>Pruning check ({@link IlpOptions#pruningCheck()}): after the enumeration, the first program is
 * solved again with K, 2K, 4K, … candidates within what is left of the budget
 * ({@link PruningChecker}), starting from the enumeration's first solution; the ranking carries the
 * result ({@link Ranking#pruningCheck()}), which measures what pruning to K costs.
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
        Budget budget = new Budget(options, System.nanoTime());
        TargetDistances distances = TargetDistances.compute(database, target, options.countHydrogens(), options.threads());
        LagrangianBound lagrangian = new LagrangianBound(distances, options.penalty());
        Ranking ranking = options.solver() == IlpSolver.BNB ? rankForced(database, target, size, distances, lagrangian, budget)
                : rankByEnumeration(database, target, size, distances, lagrangian, budget);
        if (!options.pruningCheck()) return ranking;
        List<IlpSolution> solutions = ranking.solutions();
        int[] hint = !solutions.isEmpty() && solutions.get(0).candidates() == options.candidates()
                ? PruningChecker.atoms(solutions.get(0), database) : null;
        // the first solution had no enumeration constraint: its Lagrangian bound is one on the first program
        double firstLagrangian = solutions.isEmpty() ? Double.NEGATIVE_INFINITY : solutions.get(0).lagrangianBound();
        PruningCost check = new PruningChecker(options, listener).run(database, target, distances, hint, firstLagrangian, budget);
        return ranking.withPruningCheck(check, budget.seconds(), deterministicTime(budget));
    }

    /** The ranking by enumeration (CP-SAT or SCIP), widening the candidates when they run out. */
    private Ranking rankByEnumeration(MoleculeReps database, MoleculeReps target, int size, TargetDistances distances,
                                      LagrangianBound lagrangian, Budget budget) {
        EnumerationState found = new EnumerationState(database.size());
        int k = options.candidates();
        Ranking.Stop stop;
        while (true) {
            MappingProblem problem = MappingProblem.build(database, target, distances, options.withCandidates(k));
            listener.modelBuilt(problem.pairs(), problem.molecules(), problem.pruningBound);
            found.newStage();
            stop = enumerate(problem, lagrangian, database, found, size, budget);
            if (stop != Ranking.Stop.EXHAUSTED || !options.widen()) break;
            int next = CandidateSchedule.next(problem.candidates, problem.largestPool);
            if (next < 0) break; // every atom was a candidate: the database is exhausted
            if (budget.spent()) {
                stop = Ranking.Stop.TIME_LIMIT;
                break;
            }
            listener.widened(k, next, found.found(), size);
            k = next;
        }
        return found.ranking(method(), size, stop, budget.seconds(), deterministicTime(budget));
    }

    /** The deterministic time used, or NaN for SCIP and BNB, which report none. */
    private double deterministicTime(Budget budget) {
        return options.solver() == IlpSolver.CPSAT ? budget.used() : Double.NaN;
    }

    /**
     * The ranking by {@link ForcedMoleculeRanking}: every molecule's best objective with it forced in,
     * computed directly. The candidate set is widened before the search while it holds fewer molecules
     * than asked for, and after it when fewer could be ranked; the ranking is always that of the one
     * candidate set it ends with (each widening starts again), so all its molecules are ranked by the
     * same program.
     */
    private Ranking rankForced(MoleculeReps database, MoleculeReps target, int size, TargetDistances distances,
                               LagrangianBound lagrangian, Budget budget) {
        int k = options.candidates();
        while (true) {
            MappingProblem problem = MappingProblem.build(database, target, distances, options.withCandidates(k));
            int next = options.widen() ? CandidateSchedule.next(problem.candidates, problem.largestPool) : -1;
            if (problem.molecules() < size && next >= 0) {
                listener.widened(k, next, 0, size);
                k = next;
                continue;
            }
            listener.modelBuilt(problem.pairs(), problem.molecules(), problem.pruningBound);
            ForcedMoleculeRanking.Outcome out = new ForcedMoleculeRanking(problem, options)
                    .run(size, budget, (solved, ranked) -> listener.moleculesSolved(solved, ranked, size));
            EnumerationState found = new EnumerationState(database.size());
            found.newStage();
            for (ForcedMoleculeRanking.Solve s : out.solves()) {
                if (found.found() >= size) break;
                if (found.seen()[problem.moleculeIndex[s.molecule()]]) continue; // brought in by an earlier solution of equal f
                boolean first = !found.started();
                LagrangianBound.Result lagr = first ? lagrangian.next(found.seen(), s.objective()) : null;
                MappingModel.Result r = new MappingModel.Result(s.proven() ? MappingModel.Status.OPTIMAL : MappingModel.Status.FEASIBLE,
                        s.pairs(), s.bound(), Double.NaN, Double.NaN, s.seconds());
                IlpSolution solution = solution(problem, database, r, found.seen(), first ? lagr.value() : Double.NEGATIVE_INFINITY,
                        first ? lagr.seconds() : 0, budget.seconds(), Double.NaN);
                int[] atoms = new int[problem.targetAtoms];
                for (int t = 0; t < atoms.length; t++) atoms[t] = problem.pairAtom[s.pairs()[t]];
                found.add(solution, atoms);
                listener.solution(solution, found.found(), size);
            }
            Ranking.Stop stop = found.found() >= size ? Ranking.Stop.SIZE_REACHED
                    : out.timedOut() ? Ranking.Stop.TIME_LIMIT : Ranking.Stop.EXHAUSTED;
            if (stop == Ranking.Stop.EXHAUSTED && next >= 0 && !budget.spent()) {
                listener.widened(k, next, found.found(), size);
                k = next;
                continue;
            }
            return found.ranking(method(), size, stop, budget.seconds(), Double.NaN);
        }
    }

    /**
     * Enumerates solutions within the candidates of {@code problem}, continuing {@code found}: every
     * solution must bring a molecule no earlier one used (of any candidate set).
     *
     * @return SIZE_REACHED, TIME_LIMIT (the budget or a wall-clock limit ran out), or EXHAUSTED when no
     *         new molecule can be mapped within these candidates
     */
    private Ranking.Stop enumerate(MappingProblem problem, LagrangianBound lagrangian, MoleculeReps database, EnumerationState found,
                                   int size, Budget budget) {
        try (MappingModel model = options.solver() == IlpSolver.SCIP ? new ScipModel(problem, options) : new CpSatModel(problem, options)) {
            if (found.started()) {
                // seen molecules only grow, so this one constraint implies all earlier ones
                int[] unseen = problem.unseen(found.seen());
                if (unseen.length == 0) return Ranking.Stop.EXHAUSTED;
                model.requireOneOf(unseen);
            }
            int[] hint = found.hint(problem);
            double floor = Double.NaN; // a floor of narrower candidates does not hold for wider ones
            while (found.found() < size) {
                if (budget.spent()) return Ranking.Stop.TIME_LIMIT;
                MappingModel.Result r = model.solve(budget.next(options.roundBudget(), options.roundLimitSeconds()), hint, floor);
                budget.charge(r.deterministicTime());
                if (r.status() == MappingModel.Status.INFEASIBLE) return Ranking.Stop.EXHAUSTED;
                if (r.status() == MappingModel.Status.UNKNOWN) return Ranking.Stop.TIME_LIMIT; // not even a feasible solution within the limits
                LagrangianBound.Result lagr = lagrangian.next(found.seen(), problem.objective(r.pairs()));
                IlpSolution s = solution(problem, database, r, found.seen(), lagr.value(), lagr.seconds(), budget.seconds(), deterministicTime(budget));
                int[] atoms = new int[problem.targetAtoms];
                for (int t = 0; t < atoms.length; t++) atoms[t] = problem.pairAtom[r.pairs()[t]];
                found.add(s, atoms);
                listener.solution(s, found.found(), size);
                if (found.found() >= size) break;
                int[] unseen = problem.unseen(found.seen());
                if (unseen.length == 0) return Ranking.Stop.EXHAUSTED;
                model.requireOneOf(unseen);
                hint = r.pairs();
                floor = r.floor();
            }
        }
        return Ranking.Stop.SIZE_REACHED;
    }

    /**
     * Turns a solver result into a solution; {@code seen} (by database index) tells its new molecules
     * and is the enumeration constraint the solve honoured, under which the Lagrangian bound is taken.
     */
    private static IlpSolution solution(MappingProblem problem, MoleculeReps database, MappingModel.Result r, boolean[] seen,
                                        double lagrangianBound, double lagrangianSeconds, double seconds, double deterministicTime) {
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
            if (!seen[problem.moleculeIndex[m]]) fresh.add(problem.moleculeIndex[m]);
        }
        double objective = problem.objective(pairs);
        double lowerBound = IlpSolution.unprunedBound(objective, r.bound(), problem.pruningBound, lagrangianBound);
        return new IlpSolution(toArray(all), toArray(fresh), problem.targetAtom.clone(), mappedMolecule, mappedAtom, d2,
                objective, r.bound(), problem.pruningBound, lagrangianBound, lowerBound, r.status() == MappingModel.Status.OPTIMAL,
                seconds, deterministicTime, r.seconds(), r.deterministicTime(), problem.candidates, lagrangianSeconds);
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
