package io.atomcover.ilpselect.ilp;

import io.atomcover.ilpselect.fchl.MoleculeReps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.io.ExtXyzReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link CurRanker} against a full SVD per pick ({@link ReferenceCurRanker}). */
class CurRankerTest {
    private static final double SCORE_TOLERANCE = 1e-10;

    /** Molecules of one "atom" each, whose rows are the global representations. */
    private static MoleculeReps rows(double[] g, int n, int dim) {
        int[] offsets = new int[n + 1];
        for (int m = 0; m <= n; m++) offsets[m] = m;
        return new MoleculeReps(g, dim, offsets, new int[n], new String[n]);
    }

    /**
     * n rows of non-negative values whose columns shrink geometrically, like summed FCHL19: a spread
     * spectrum with close neighbours at the top after a few picks.
     */
    private static MoleculeReps randomRows(long seed, int n, int dim, double decay) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] g = new double[n * dim];
        for (int m = 0; m < n; m++)
            for (int q = 0; q < dim; q++) g[m * dim + q] = random.nextDouble() * Math.pow(decay, q);
        return rows(g, n, dim);
    }

    private static MoleculeReps fchl19(String resource) throws Exception {
        Path path = Path.of(CurRankerTest.class.getResource(resource).toURI());
        return MoleculeReps.fchl19(ExtXyzReader.read(path).structures(), Fchl19.defaults(), 2, null);
    }

    /** Same order; every score within SCORE_TOLERANCE of the reference, relative. */
    private static void assertSameRanking(MoleculeReps database, int size) {
        MoleculeReps target = database.molecule(0);
        Ranking expected = new ReferenceCurRanker().rank(database, target, size);
        Ranking actual = new CurRanker().rank(database, target, size);
        assertArrayEquals(expected.order(), actual.order());
        double[] e = expected.scores();
        double[] a = actual.scores();
        for (int k = 0; k < size; k++)
            assertEquals(e[k], a[k], SCORE_TOLERANCE * Math.abs(e[k]), "score of pick " + k);
    }

    @Test
    void matchesThePerPickSvdOnRandomRows() {
        // more rows than columns: all picks while the deflated rows span something
        assertSameRanking(randomRows(1, 300, 64, 0.93), 64);
        // fewer rows than columns: every row
        assertSameRanking(randomRows(2, 200, 240, 0.98), 200);
        // flat spectrum
        assertSameRanking(randomRows(3, 320, 96, 1.0), 96);
    }

    @Test
    void matchesThePerPickSvdOnQm7Molecules() throws Exception {
        // the first 16 picks among the 64 KRR fixture molecules (720 FCHL19 values: the reference's SVD takes
        // about half a second per pick), and all 10 ILP fixture molecules
        MoleculeReps krr = fchl19("/krr/qm7-ilp-sildenafil-64.extxyz");
        assertSameRanking(krr, 16);
        assertSameRanking(IlpFixtures.DATABASE, IlpFixtures.DATABASE.size());
    }

    @Test
    void rowsLeftAllZeroFollowInIndexOrderAsBefore() {
        // rank 2: the third pick sees only rounding noise, exactly zero rows never lead
        double[] g = {
                0, 0, 0, 0,
                1, 2, 0, 1,
                0, 0, 0, 0,
                2, 4, 0, 2,
                0, 1, 1, 0,
                1, 3, 1, 1};
        MoleculeReps db = rows(g, 6, 4);
        Ranking r = new CurRanker().rank(db, db.molecule(0), 6);
        assertEquals(6, Arrays.stream(r.order()).distinct().count());
        assertSameRanking(db, 6);
        MoleculeReps zero = rows(new double[5 * 3], 5, 3);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, new CurRanker().rank(zero, zero.molecule(0), 5).order());
        assertSameRanking(zero, 5);
    }

    @Test
    void equalLeverageGoesToTheLowerIndex() {
        double[] g = randomRows(4, 40, 12, 0.9).globalRep();
        // rows 2 and 5 the same and far the largest: the first pick is a tie, won by row 2
        for (int q = 0; q < 12; q++) g[5 * 12 + q] = g[2 * 12 + q] = 10 * (q + 1);
        MoleculeReps db = rows(g, 40, 12);
        assertEquals(2, new CurRanker().rank(db, db.molecule(0), 1).order()[0]);
        assertSameRanking(db, 12);
    }

    @Test
    void aShorterRankingIsAPrefix() {
        MoleculeReps db = randomRows(5, 120, 30, 0.95);
        int[] full = new CurRanker().rank(db, db.molecule(0), 30).order();
        assertArrayEquals(Arrays.copyOf(full, 7), new CurRanker().rank(db, db.molecule(0), 7).order());
    }
}
