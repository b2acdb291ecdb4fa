package io.atomcover.ilpselect.ilp;

import io.atomcover.ilpselect.fchl.MoleculeReps;

import static io.atomcover.ilpselect.ilp.IlpFixtures.DATABASE;
import static io.atomcover.ilpselect.ilp.IlpFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link LagrangianBound}: valid for the unpruned program (brute force), before and during an enumeration. */
class IlpLagrangianBoundTest {
    private static final double EPS = 1e-9;

    private static LagrangianBound bound(MoleculeReps db, MoleculeReps target, double penalty, boolean hydrogens) {
        return new LagrangianBound(TargetDistances.compute(db, target, hydrogens, 2), penalty);
    }

    private static MappingProblem unpruned(MoleculeReps db, MoleculeReps target, double penalty, boolean hydrogens) {
        return MappingProblem.build(db, target, IlpOptions.defaults().withPenalty(penalty).withCountHydrogens(hydrogens)
                .withCandidates(0).withThreads(2));
    }

    /**
     * On the fixtures the subgradient method closes the gap: the bound reaches the brute-force optimum
     * (to 1e-6), from a start that is at least the global bound but below the optimum whenever λ > 0.
     */
    @ParameterizedTest
    @CsvSource({"1.0, false", "0.25, false", "0.0, false", "1.0, true", "0.25, true"})
    void boundIsValidStartsAtTheGlobalBoundAndClimbsToTheOptimum(double penalty, boolean hydrogens) {
        double optimum = new BruteForce(DATABASE, TARGET, penalty, hydrogens).optimum(null);
        double global = unpruned(DATABASE, TARGET, penalty, hydrogens).globalBound;
        LagrangianBound lb = bound(DATABASE, TARGET, penalty, hydrogens);
        LagrangianBound.Result r = lb.maximise(lb.start(), null, optimum, 300);

        assertEquals(r.start(), lb.evaluate(lb.start(), null, null), 0.0, "start = L(start())");
        assertTrue(r.start() >= global - EPS, "L at the start " + r.start() + " ≥ global bound " + global);
        assertEquals(r.value(), lb.evaluate(r.u(), null, null), 1e-12, "the value is L at the returned u");
        assertTrue(r.value() <= optimum + EPS, "L(u) " + r.value() + " ≤ optimum " + optimum);
        assertEquals(optimum, r.value(), 1e-6, "the dual closes the gap on this instance");
        if (penalty > 0) {
            assertTrue(r.start() < optimum - 0.07, "the start is below the optimum: " + r.start() + " vs " + optimum);
            assertTrue(r.iterations() > 0);
        } else {
            assertEquals(optimum, r.start(), 1e-9, "without a penalty the start is already optimal");
        }
    }

    /**
     * Through an enumeration of the unpruned program (K = 0), every solution's Lagrangian bound is at
     * most the brute-force optimum under the same "one molecule never seen before" constraint, the
     * reported lower bound combines the bounds as documented, and the bound never falls.
     */
    @ParameterizedTest
    @CsvSource({"1.0", "0.25"})
    void boundsOfLaterSolutionsHoldUnderTheirSeenSets(double penalty) {
        // the enumeration: each solution carries the bound under its own seen set
        IlpOptions options = IlpOptions.defaults().withSolver(IlpSolver.CPSAT).withPenalty(penalty).withCandidates(0).withThreads(2).withBudget(120).withRoundBudget(60);
        Ranking r = new IlpRanker(options).rank(DATABASE, TARGET, 8);
        BruteForce exact = new BruteForce(DATABASE, TARGET, penalty, false);
        assertTrue(r.solutions().size() >= 3);
        boolean[] seen = new boolean[DATABASE.size()];
        double previous = Double.NEGATIVE_INFINITY;
        int binding = 0;
        for (IlpSolution s : r.solutions()) {
            double optimum = exact.optimum(seen);
            assertTrue(s.lagrangianBound() <= optimum + EPS, s.lagrangianBound() + " ≤ " + optimum);
            assertTrue(s.lowerBound() <= optimum + EPS);
            assertTrue(s.lagrangianBound() >= previous - EPS, "a growing seen set never lowers the bound");
            assertEquals(Double.POSITIVE_INFINITY, s.pruningBound(), "nothing pruned");
            assertEquals(Math.min(s.objective(), Math.max(s.lagrangianBound(), s.bound())), s.lowerBound(), 0.0);
            assertTrue(s.lagrangianSeconds() >= 0);
            if (s.lagrangianBound() > r.solutions().get(0).lagrangianBound() + 1e-6) binding++;
            previous = s.lagrangianBound();
            for (int m : s.molecules()) seen[m] = true;
        }
        assertTrue(binding > 0, "the seen constraint raises the bound of some later solution");
    }

    /**
     * For each molecule M: with every other molecule seen, L maximised under that seen set is at most
     * the constrained optimum and at least L without it, and where the constraint binds, above the
     * unconstrained optimum.
     */
    @Test
    void seenConstraintRaisesTheBoundAndKeepsItValid() {
        double penalty = 1.0;
        BruteForce exact = new BruteForce(DATABASE, TARGET, penalty, false);
        LagrangianBound lb = bound(DATABASE, TARGET, penalty, false);
        double optimum = exact.optimum(null);
        LagrangianBound.Result free = lb.maximise(lb.start(), null, optimum, 300);
        int binding = 0;
        for (int only = 0; only < DATABASE.size(); only++) {
            boolean[] seen = new boolean[DATABASE.size()];
            java.util.Arrays.fill(seen, true);
            seen[only] = false;
            double constrained = exact.optimum(seen);
            if (!Double.isFinite(constrained)) continue;
            assertTrue(lb.evaluate(free.u(), seen, null) >= free.value(), "at a fixed u the constraint only raises L");
            LagrangianBound.Result r = lb.maximise(free.u(), seen, constrained, 300);
            assertTrue(r.value() <= constrained + EPS, r.value() + " ≤ " + constrained);
            if (constrained > optimum + 0.5) {
                binding++;
                assertTrue(r.value() > optimum + 0.5, "above the unconstrained optimum: " + r.value() + ", " + constrained);
            }
        }
        assertTrue(binding >= 3, "the constraint binds for several molecules: " + binding);

        boolean[] all = new boolean[DATABASE.size()];
        java.util.Arrays.fill(all, true);
        assertEquals(Double.POSITIVE_INFINITY, lb.evaluate(free.u(), all, null), "no unseen molecule: infeasible");
    }

    /**
     * A hand-checked value. Target C, C (reps 0, 1) and N (rep 3), 1-D representations; database
     * A = {C 0, C 1.5} (m 2), B = {N 3.5, C 5} (m 2), λ = 1. At u = (1, 1, 1): reduced costs of A's
     * atoms min(0-1, 1-1) = -1 and min(2.25-1, 0.25-1) = -0.75, C_A = 2 - 1.75 = 0.25 ≥ 0 (unused);
     * B: N 0.25 - 1 = -0.75, C min(25, 16) - 1 = 15, C_B = 2 - 0.75 = 1.25 (unused). L = 3 - 3 + 0 +
     * (no molecule used: the cheapest, A, is forced in) 0.25 = 0.25. With seen = {A}: B is forced,
     * L = 1.25. At u = (2, 2, 2): A: -2 and -1.75, C_A = -1.75; B: -1.75, C_B = 0.25;
     * L = 6 - 3 - 1.75 = 1.25; with seen = {A}, B must still be used: + 0.25 = 1.5.
     */
    @Test
    void valueAndSubgradientOnAHandCheckedInstance() {
        MoleculeReps target = new MoleculeReps(new double[] {0, 1, 3}, 1, new int[] {0, 3}, new int[] {6, 6, 7}, new String[] {"t"});
        MoleculeReps db = new MoleculeReps(new double[] {0, 1.5, 3.5, 5}, 1, new int[] {0, 2, 4}, new int[] {6, 6, 7, 6},
                new String[] {"A", "B"});
        LagrangianBound lb = bound(db, target, 1.0, false);
        int[] counts = new int[3];
        assertEquals(0.25, lb.evaluate(new double[] {1, 1, 1}, null, counts), 1e-12);
        assertArrayEquals(new int[] {1, 1, 0}, counts, "A forced in: its C atoms take target atoms 0 and 1");
        assertEquals(1.25, lb.evaluate(new double[] {1, 1, 1}, new boolean[] {true, false}, counts), 1e-12);
        assertArrayEquals(new int[] {0, 0, 1}, counts, "B forced in: its N takes target atom 2, its C stays out");
        assertEquals(1.25, lb.evaluate(new double[] {2, 2, 2}, null, counts), 1e-12);
        assertArrayEquals(new int[] {1, 1, 0}, counts);
        assertEquals(1.5, lb.evaluate(new double[] {2, 2, 2}, new boolean[] {true, false}, counts), 1e-12);
        assertArrayEquals(new int[] {1, 1, 1}, counts);
        // optimum: A's atoms onto the two C (0 + 0.25), B's N onto N (0.25), λ(2 + 2 - 3) = 1: 1.5, which
        // the subgradient method reaches (the last inner minimiser above maps every atom once)
        double optimum = new BruteForce(db, target, 1.0, false).optimum(null);
        assertEquals(1.5, optimum, 1e-12);
        LagrangianBound.Result r = lb.maximise(lb.start(), null, optimum, 300);
        assertTrue(r.value() <= optimum + EPS);
        assertTrue(r.value() > r.start(), "the subgradient improves on the start " + r.start());
    }

    /**
     * Random tiny instances (two elements, hydrogens, 1-3 heavy atoms per molecule): L(u) at random
     * multipliers and random seen sets never exceeds the brute-force optimum, and the maximised
     * bound lies between the global bound and the optimum.
     */
    @Test
    void boundIsValidForRandomMultipliersOnRandomTinyInstances() {
        Random random = new Random(7);
        int checked = 0;
        for (int instance = 0; instance < 40; instance++) {
            MoleculeReps target = randomMolecules(random, 1, 3, 4);
            MoleculeReps db = randomMolecules(random, 6, 1, 3);
            boolean hydrogens = random.nextBoolean();
            double penalty = new double[] {0, 0.3, 1}[random.nextInt(3)];
            LagrangianBound lb;
            try {
                lb = bound(db, target, penalty, hydrogens);
            } catch (IllegalArgumentException e) {
                continue; // an element of the target missing from the database
            }
            BruteForce exact = new BruteForce(db, target, penalty, hydrogens);
            double optimum = exact.optimum(null);
            if (!Double.isFinite(optimum)) continue; // not enough atoms of an element
            double[] start = lb.start();
            for (int k = 0; k < 30; k++) {
                double[] u = start.clone();
                for (int t = 0; t < u.length; t++) u[t] += 2 * random.nextGaussian();
                assertTrue(lb.evaluate(u, null, null) <= optimum + EPS, "instance " + instance);
                boolean[] seen = new boolean[db.size()];
                for (int m = 0; m < seen.length; m++) seen[m] = random.nextBoolean();
                double constrained = exact.optimum(seen);
                double value = lb.evaluate(u, seen, null);
                if (Double.isFinite(constrained)) assertTrue(value <= constrained + EPS, "instance " + instance + " with a seen set");
                checked++;
            }
            LagrangianBound.Result r = lb.maximise(start, null, optimum, 200);
            assertTrue(r.value() <= optimum + EPS);
            assertTrue(r.value() >= unpruned(db, target, penalty, hydrogens).globalBound - EPS);
            assertTrue(r.value() >= r.start());
        }
        assertTrue(checked >= 300, "enough instances were usable: " + checked);
    }

    /** {@code count} molecules of {@code min}..{@code max} heavy atoms (C or N) and 0-2 hydrogens, 2-D representations. */
    private static MoleculeReps randomMolecules(Random random, int count, int min, int max) {
        List<Double> data = new ArrayList<>();
        List<Integer> z = new ArrayList<>();
        int[] offsets = new int[count + 1];
        for (int m = 0; m < count; m++) {
            int heavy = min + random.nextInt(max - min + 1);
            int hydrogens = random.nextInt(3);
            for (int a = 0; a < heavy + hydrogens; a++) {
                z.add(a < heavy ? (random.nextInt(3) == 0 ? 7 : 6) : 1);
                data.add(random.nextDouble());
                data.add(random.nextDouble());
            }
            offsets[m + 1] = z.size();
        }
        return new MoleculeReps(data.stream().mapToDouble(Double::doubleValue).toArray(), 2, offsets,
                z.stream().mapToInt(Integer::intValue).toArray(), new String[count]);
    }
}
