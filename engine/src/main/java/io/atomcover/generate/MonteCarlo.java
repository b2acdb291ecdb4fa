package io.atomcover.generate;

import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.structure.Structure;
import io.atomcover.util.ProgressListener;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A Metropolis chain over atomic positions (upstream QUESTS's {@code augment_pbc}). Each step
 * displaces every coordinate of the current structure by a Gaussian of standard deviation
 * {@link McmcParameters#displacement()}, computes the proposal's descriptors and its score
 * ({@link NoveltyScore#score}), draws U uniform in [0, 1) and accepts the proposal when
 * {@code exp(−(score − current)/kT) > U}. The chain starts with a current score of +∞, so its first
 * finite proposal is accepted; the best proposal seen (accepted or not) is returned, as upstream does.
 * Cell, periodicity and species are kept; positions are not wrapped into the cell.
 *
 * <p>All draws come from one {@link SplittableRandom} seeded with the chain's seed, in the order
 * displacements (atom by atom, x y z) then U: a seed gives the same chain on every machine.
 */
public final class MonteCarlo {
    private final QuestsDescriptor descriptor;
    private final NoveltyScore novelty;
    private final McmcParameters parameters;

    /**
     * @param descriptor descriptor of the proposals; for the multicomponent variant its species must
     *                   be fixed to those of the reference, so rows line up
     */
    public MonteCarlo(QuestsDescriptor descriptor, NoveltyScore novelty, McmcParameters parameters) {
        this.descriptor = descriptor;
        this.novelty = novelty;
        this.parameters = parameters;
    }

    /** Runs one chain from {@code start}; progress in steps. The best structure's info holds its score and step. */
    public McmcRun run(Structure start, long seed, ProgressListener progress) {
        int n = parameters.steps();
        SplittableRandom rng = new SplittableRandom(seed);
        double[] current = start.positions().clone();
        double currentScore = Double.POSITIVE_INFINITY;
        double[] best = current;
        double bestScore = Double.POSITIVE_INFINITY;
        int bestStep = -1;
        double[] kT = new double[n];
        double[] scores = new double[n];
        double[] draws = new double[n];
        boolean[] accepted = new boolean[n];
        int dim = -1;
        for (int step = 0; step < n; step++) {
            kT[step] = parameters.kT(step);
            double[] proposal = new double[current.length];
            for (int i = 0; i < proposal.length; i++) proposal[i] = current[i] + parameters.displacement() * rng.nextGaussian();
            Structure moved = withPositions(start, proposal, null);
            double[] rows = descriptor.compute(moved);
            if (dim < 0) dim = rows.length / Math.max(1, start.size());
            double score = NoveltyScore.score(novelty.deltaEntropy(rows, dim), parameters.target());
            double u = rng.nextDouble();
            boolean accept = accepts(score, currentScore, kT[step], u);
            if (accept) {
                current = proposal;
                currentScore = score;
            }
            if (score < bestScore) {
                bestScore = score;
                best = proposal;
                bestStep = step;
            }
            scores[step] = score;
            draws[step] = u;
            accepted[step] = accept;
            progress.progress(step + 1, n);
        }
        Map<String, String> info = new LinkedHashMap<>();
        info.put("mcmc_score", Double.toString(bestScore));
        info.put("mcmc_step", Integer.toString(bestStep));
        return new McmcRun(withPositions(start, best, info), bestScore, bestStep, seed, kT, scores, draws, accepted);
    }

    /** The Metropolis rule: {@code exp(−(score − current)/kT) > u}; false for a non-finite score. */
    public static boolean accepts(double score, double current, double kT, double u) {
        if (!Double.isFinite(score)) return false;
        return Math.exp(-(score - current) / kT) > u;
    }

    /** The structure with other positions, no per-atom columns (forces no longer apply) and the given info. */
    static Structure withPositions(Structure s, double[] positions, Map<String, String> info) {
        String[] symbols = new String[s.size()];
        for (int i = 0; i < symbols.length; i++) symbols[i] = s.symbol(i);
        return new Structure(symbols, positions, s.cell() == null ? null : s.cell().clone(), s.pbc(), info, null);
    }
}
