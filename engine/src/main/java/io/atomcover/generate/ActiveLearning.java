package io.atomcover.generate;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.structure.Structure;
import io.atomcover.util.ProgressListener;
import io.atomcover.util.SeededDraw;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Generations of Monte Carlo chains (upstream QUESTS's {@code active_learning}): in each generation
 * the pool is the reference dataset plus every structure generated so far; {@code starts} structures
 * are drawn from the pool without replacement, each runs one {@link MonteCarlo} chain scored against
 * the whole pool, and the chains' best structures join the pool of the next generation. Generated
 * structures carry {@code generation} (1-based), {@code source_index} (the start's index in the pool:
 * below the reference size an original structure, above it a generated one in order) and the
 * chain's {@code mcmc_score} and {@code mcmc_step} in their info.
 *
 * <p>Draws: one {@link SplittableRandom} seeded with {@code seed} gives, per generation, the seed of
 * the start draw and then one seed per chain; a seed gives the same structures on every machine
 * (when the score is exact).
 */
public final class ActiveLearning {
    /**
     * One generation.
     *
     * @param starts pool indices of the chains' starting structures
     * @param chains the chains, in the order of {@code starts}
     */
    public record Generation(int[] starts, List<McmcRun> chains) {
    }

    /**
     * The outcome.
     *
     * @param generated   the new structures, generation after generation
     * @param generations what each generation did
     */
    public record Run(List<Structure> generated, List<Generation> generations) {
    }

    private final QuestsDescriptor descriptor;
    private final McmcParameters parameters;
    private final Function<Descriptors, NoveltyScore> scoreAgainst;

    /**
     * @param descriptor   descriptor of pool and proposals (multicomponent: species fixed to the reference's)
     * @param scoreAgainst builds the score against a pool's descriptors
     */
    public ActiveLearning(QuestsDescriptor descriptor, McmcParameters parameters, Function<Descriptors, NoveltyScore> scoreAgainst) {
        this.descriptor = descriptor;
        this.parameters = parameters;
        this.scoreAgainst = scoreAgainst;
    }

    /**
     * Runs {@code generations} generations of {@code starts} chains from the reference structures and
     * their descriptors; progress in chain steps over the whole run.
     *
     * @throws IllegalArgumentException when {@code starts} exceeds the first generation's pool
     */
    public Run run(List<Structure> reference, Descriptors referenceRows, int generations, int starts, long seed,
                   ProgressListener progress) {
        if (generations < 1) throw new IllegalArgumentException("generations must be at least 1, got " + generations);
        if (starts < 1 || starts > reference.size())
            throw new IllegalArgumentException("starts must be between 1 and the " + reference.size() + " reference structures, got " + starts);
        SplittableRandom rng = new SplittableRandom(seed);
        List<Structure> pool = new ArrayList<>(reference);
        Descriptors poolRows = referenceRows;
        List<Structure> generated = new ArrayList<>();
        List<Generation> log = new ArrayList<>();
        long total = (long) generations * starts * parameters.steps();
        long done = 0;
        for (int g = 1; g <= generations; g++) {
            int[] picks = SeededDraw.withoutReplacement(rng.nextLong(), pool.size(), starts);
            MonteCarlo chain = new MonteCarlo(descriptor, scoreAgainst.apply(poolRows), parameters);
            List<McmcRun> runs = new ArrayList<>();
            List<Structure> born = new ArrayList<>();
            for (int pick : picks) {
                McmcRun r = chain.run(pool.get(pick), rng.nextLong(), progress.part(done, parameters.steps(), total));
                done += parameters.steps();
                runs.add(r);
                Map<String, String> info = new LinkedHashMap<>();
                info.put("generation", Integer.toString(g));
                info.put("source_index", Integer.toString(pick));
                info.putAll(r.best().info());
                born.add(withInfo(r.best(), info));
            }
            log.add(new Generation(picks, List.copyOf(runs)));
            generated.addAll(born);
            pool.addAll(born);
            poolRows = append(poolRows, descriptor.compute(born, 1, null));
        }
        return new Run(List.copyOf(generated), List.copyOf(log));
    }

    private static Structure withInfo(Structure s, Map<String, String> info) {
        String[] symbols = new String[s.size()];
        for (int i = 0; i < symbols.length; i++) symbols[i] = s.symbol(i);
        return new Structure(symbols, s.positions(), s.cell(), s.pbc(), info, s.columns());
    }

    /** Rows of {@code a} followed by those of {@code b}, structure offsets joined. */
    static Descriptors append(Descriptors a, Descriptors b) {
        if (a.dim() != b.dim()) throw new IllegalArgumentException("dimension mismatch: " + a.dim() + " vs " + b.dim());
        double[] data = new double[a.data().length + b.data().length];
        System.arraycopy(a.data(), 0, data, 0, a.rows() * a.dim());
        System.arraycopy(b.data(), 0, data, a.rows() * a.dim(), b.rows() * b.dim());
        int[] off = new int[a.structureCount() + b.structureCount() + 1];
        System.arraycopy(a.offsets(), 0, off, 0, a.structureCount() + 1);
        for (int s = 1; s <= b.structureCount(); s++) off[a.structureCount() + s] = a.rows() + b.offsets()[s];
        return new Descriptors(data, a.dim(), off);
    }
}
