package io.atomcover.descriptor;

import io.atomcover.structure.Structure;

/**
 * One structure made ready for descriptor rows: the neighbour search over all its atoms and, for
 * the multicomponent variant, one search per species over that species' atoms alone. Read-only once
 * built, so the rows of a large structure can be computed by several threads at once.
 */
final class PreparedStructure {
    private final int atoms;
    private final NeighbourSearch all;
    /** Per species block (multicomponent only; null entries for species absent here). */
    private final NeighbourSearch[] bySpecies;
    /** Species block of each atom and its index among that species' atoms (multicomponent only). */
    private final int[] speciesOf;
    private final int[] subIndex;

    /**
     * @param species sorted atomic numbers of the multicomponent blocks, or null for the plain descriptor
     */
    PreparedStructure(Structure s, double cutoff, int[] species) {
        this.atoms = s.size();
        this.all = new NeighbourSearch(s, cutoff);
        if (species == null) {
            bySpecies = null;
            speciesOf = null;
            subIndex = null;
            return;
        }
        int n = s.size();
        int[] z = s.atomicNumbers();
        speciesOf = new int[n];
        subIndex = new int[n];
        int[] counts = new int[species.length];
        for (int i = 0; i < n; i++) {
            int q = java.util.Arrays.binarySearch(species, z[i]);
            if (q < 0) throw new IllegalArgumentException("atom " + i + " (" + s.symbol(i) + ") is not among the descriptor's species");
            speciesOf[i] = q;
            subIndex[i] = counts[q]++;
        }
        bySpecies = new NeighbourSearch[species.length];
        double[] pos = s.positions();
        for (int q = 0; q < species.length; q++) {
            if (counts[q] == 0) continue;
            double[] sub = new double[3 * counts[q]];
            for (int i = 0; i < n; i++) {
                if (speciesOf[i] != q) continue;
                System.arraycopy(pos, 3 * i, sub, 3 * subIndex[i], 3);
            }
            bySpecies[q] = new NeighbourSearch(sub, s.cell(), s.pbc(), cutoff);
        }
    }

    int atoms() {
        return atoms;
    }

    /**
     * Writes the rows of atoms {@code from..to-1} into {@code out}, row i at {@code base + i * dim};
     * each row is {@code [x1_all, x2_all, x1_s1, x2_s1, ...]} (one block for the plain descriptor),
     * blocks of other species zero.
     */
    void rows(int from, int to, QuestsKernel kernel, int k, double[] out, int base, int dim) {
        int block = 2 * k - 1;
        for (int i = from; i < to; i++) {
            int o = base + i * dim;
            all.nearest(i, k, kernel.neighbours);
            kernel.row(out, o);
            if (bySpecies == null) continue;
            java.util.Arrays.fill(out, o + block, o + dim, 0.0);
            int q = speciesOf[i];
            bySpecies[q].nearest(subIndex[i], k, kernel.neighbours);
            kernel.row(out, o + (q + 1) * block);
        }
    }
}
