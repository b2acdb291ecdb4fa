package io.atomcover.descriptor;

import io.atomcover.structure.Structure;
import io.atomcover.util.ProgressListener;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The QUESTS descriptor (docs/methods.md, "QUESTS descriptors"): per atom, x1 (k values, w(r)/r of
 * the k nearest neighbours within the cutoff) and x2 (k-1 values, column means of the row-sorted
 * weighted inverse-distance matrix among those neighbours), {@code 2k-1} values per row. Immutable
 * and thread-safe.
 *
 * <p><b>Multicomponent</b> variant ({@link #multicomponent(boolean)}): the descriptor on all atoms,
 * then once per species on that species' atoms alone (atoms of other species removed, their rows of
 * that block zero), blocks interleaved as {@code [x1_all, x2_all, x1_s1, x2_s1, ...]}; row length
 * {@code (n+1)(2k-1)}. The species s1..sn are sorted by atomic number. Unless fixed with
 * {@link #species(int...)}, they are the sorted union of the species of the structures given to
 * {@link #compute(List, int, ProgressListener)} (for {@link #compute(Structure)}: of that one
 * structure), so {@link #dim(List)} tells the row length for a dataset.
 *
 * <p>Periodic images are used along periodic axes only; a slab ({@code pbc = T T F}) gets images in
 * its plane. (The reference program treats any structure that is not periodic along all three axes
 * as a molecule; for fully periodic and fully open structures the two agree.)
 *
 * <p>Where the k-th neighbour lies in a shell of equally distant atoms (perfect and strained
 * crystals), the atoms of the shell that enter a row are those the reference program takes; see
 * {@link NeighbourSearch#nearest}.
 */
public final class QuestsDescriptor {
    public static final int DEFAULT_K = 32;
    public static final double DEFAULT_CUTOFF = 5.0;

    private final int k;
    private final double cutoff;
    private final boolean multicomponent;
    /** Fixed multicomponent species (sorted atomic numbers), or null for "from the data". */
    private final int[] species;

    /** k = {@value #DEFAULT_K}, cutoff = {@value #DEFAULT_CUTOFF} Å. */
    public QuestsDescriptor() {
        this(DEFAULT_K, DEFAULT_CUTOFF);
    }

    /**
     * @param k      number of nearest neighbours (at least 1; row length 2k-1)
     * @param cutoff cutoff radius rc in Å (positive, finite)
     */
    public QuestsDescriptor(int k, double cutoff) {
        this(k, cutoff, false, null);
    }

    private QuestsDescriptor(int k, double cutoff, boolean multicomponent, int[] species) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1: " + k);
        if (!(cutoff > 0) || Double.isInfinite(cutoff)) throw new IllegalArgumentException("cutoff must be positive and finite: " + cutoff);
        this.k = k;
        this.cutoff = cutoff;
        this.multicomponent = multicomponent;
        this.species = species;
    }

    /** The same descriptor, plain or multicomponent. */
    public QuestsDescriptor multicomponent(boolean enabled) {
        return new QuestsDescriptor(k, cutoff, enabled, enabled ? species : null);
    }

    /**
     * The multicomponent descriptor with these species (atomic numbers, any order, duplicates
     * ignored) as its blocks, whatever the data holds; an atom of another species is an error.
     */
    public QuestsDescriptor species(int... atomicNumbers) {
        int[] sorted = Arrays.stream(atomicNumbers).distinct().sorted().toArray();
        if (sorted.length == 0) throw new IllegalArgumentException("at least one species is needed");
        return new QuestsDescriptor(k, cutoff, true, sorted);
    }

    public int k() {
        return k;
    }

    public double cutoff() {
        return cutoff;
    }

    public boolean isMulticomponent() {
        return multicomponent;
    }

    /**
     * Row length: 2k-1, or (n+1)(2k-1) for the multicomponent variant with fixed species.
     *
     * @throws IllegalStateException for a multicomponent descriptor whose species come from the data
     *                               (use {@link #dim(List)})
     */
    public int dim() {
        if (!multicomponent) return block();
        if (species == null)
            throw new IllegalStateException("the multicomponent row length depends on the species of the data; use dim(structures)");
        return (species.length + 1) * block();
    }

    /** Row length for these structures: 2k-1, or (n+1)(2k-1) with n the species used for them. */
    public int dim(List<Structure> structures) {
        return multicomponent ? (speciesFor(structures).length + 1) * block() : block();
    }

    /** The species blocks (sorted atomic numbers) used for these structures; empty when not multicomponent. */
    public int[] speciesFor(List<Structure> structures) {
        if (!multicomponent) return new int[0];
        if (species != null) return species.clone();
        TreeSet<Integer> union = new TreeSet<>();
        for (Structure s : structures) for (int z : s.atomicNumbers()) union.add(z);
        return union.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Rows of one structure, row-major {@code size() × dim}, computed on the calling thread. */
    public double[] compute(Structure structure) {
        int[] sp = multicomponent ? speciesFor(List.of(structure)) : null;
        int dim = multicomponent ? (sp.length + 1) * block() : block();
        double[] out = new double[checkedSize(structure.size(), dim)];
        PreparedStructure prepared = new PreparedStructure(structure, cutoff, sp);
        prepared.rows(0, structure.size(), new QuestsKernel(k, cutoff), k, out, 0, dim);
        return out;
    }

    /**
     * Rows of all structures, contiguous in structure order, computed on {@code threads} threads
     * (values below 1 mean all available processors). Threads share both the structures and the
     * atoms of large structures; the values do not depend on the number of threads.
     *
     * @param progress told the number of rows (environments) done so far; may be null
     */
    public Descriptors compute(List<Structure> structures, int threads, ProgressListener progress) {
        int[] sp = multicomponent ? speciesFor(structures) : null;
        int dim = multicomponent ? (sp.length + 1) * block() : block();
        int[] offsets = new int[structures.size() + 1];
        for (int s = 0; s < structures.size(); s++) offsets[s + 1] = Math.addExact(offsets[s], structures.get(s).size());
        double[] out = new double[checkedSize(offsets[structures.size()], dim)];
        int workers = threads < 1 ? Runtime.getRuntime().availableProcessors() : threads;
        new RowScheduler(structures, offsets, dim, k, cutoff, sp, out, progress).run(workers);
        return new Descriptors(out, dim, offsets);
    }

    private int block() {
        return 2 * k - 1;
    }

    private static int checkedSize(int rows, int dim) {
        long n = (long) rows * dim;
        if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException(rows + " rows of " + dim + " values do not fit in one array");
        return (int) n;
    }

    @Override
    public String toString() {
        return "QuestsDescriptor[k=" + k + ", cutoff=" + cutoff + (multicomponent ? ", multicomponent" + (species == null ? "" : " " + Arrays.toString(species)) : "") + "]";
    }
}
