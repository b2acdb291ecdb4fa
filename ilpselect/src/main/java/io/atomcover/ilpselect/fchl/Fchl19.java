package io.atomcover.ilpselect.fchl;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.structure.Elements;
import io.atomcover.structure.Structure;
import io.atomcover.util.Parallel;
import io.atomcover.util.ProgressListener;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * FCHL19 per-atom representation (Christensen et al., J. Chem. Phys. 152, 044107 (2020)) as produced by
 * {@code generate_fchl19} of QML / qmllib, for non-periodic structures.
 *
 * <p>Each atom gets a row of {@link #dim()} values: first one block of {@code nRs2} two-body values per
 * element (log-normal radial functions of the distances to the neighbours of that element), then one
 * block of {@code nRs3 · 2 nFourier} three-body values per unordered element pair (p ≤ q) of the two
 * neighbours, pairs in the order (0,0), (0,1), …, (0,nE-1), (1,1), …. Within a three-body block the
 * radial index runs slowest, then the odd harmonic o = 1, 3, …, 2 nFourier - 1, then cos before sin.
 * The formulas are in docs/methods.md, "FCHL19". Instances are immutable and thread-safe.
 */
public final class Fchl19 {
    private static final double SQRT_2PI = Math.sqrt(2.0 * Math.PI);

    private final int[] elements;
    private final int nRs2;
    private final int nRs3;
    private final int nFourier;
    private final double eta2;
    private final double eta3;
    private final double zeta;
    private final double rcut;
    private final double acut;
    private final double twoBodyDecay;
    private final double threeBodyDecay;
    private final double threeBodyWeight;

    // Derived constants.
    private final int dim;
    private final int twoBodySize;
    private final int nAngular;
    /** Element index by atomic number, -1 when the element is not in the list. */
    private final int[] elementIndex;
    private final double[] logRs2;
    /** 1 / (sqrt(2π) Rs2_k). */
    private final double[] twoBodyNorm;
    private final double[] rs3;
    /** Spacing of the Rs3 grid and exp(-2 η3 h²). */
    private final double rs3Step;
    private final double rs3Shrink;
    /** 2 exp(-(ζ o)² / 2) for o = 1, 3, ..., 2 nFourier - 1. */
    private final double[] angularNorm;
    /** sqrt(η3 / π) · three-body weight. */
    private final double tripletScale;

    private Fchl19(Builder b) {
        if (b.elements.length == 0) throw new IllegalArgumentException("the element list is empty");
        for (int i = 0; i < b.elements.length; i++) {
            int z = b.elements[i];
            Elements.symbol(z); // throws for an atomic number outside the periodic table
            for (int j = 0; j < i; j++)
                if (b.elements[j] == z)
                    throw new IllegalArgumentException("element " + Elements.symbol(z) + " is listed twice");
        }
        requirePositive("nRs2", b.nRs2);
        requirePositive("nRs3", b.nRs3);
        requirePositive("nFourier", b.nFourier);
        requirePositive("eta2", b.eta2);
        requirePositive("eta3", b.eta3);
        requireFinite("zeta", b.zeta);
        requirePositive("rcut", b.rcut);
        requirePositive("acut", b.acut);
        requireFinite("twoBodyDecay", b.twoBodyDecay);
        requireFinite("threeBodyDecay", b.threeBodyDecay);
        requireFinite("threeBodyWeight", b.threeBodyWeight);

        this.elements = b.elements.clone();
        this.nRs2 = b.nRs2;
        this.nRs3 = b.nRs3;
        this.nFourier = b.nFourier;
        this.eta2 = b.eta2;
        this.eta3 = b.eta3;
        this.zeta = b.zeta;
        this.rcut = b.rcut;
        this.acut = b.acut;
        this.twoBodyDecay = b.twoBodyDecay;
        this.threeBodyDecay = b.threeBodyDecay;
        this.threeBodyWeight = b.threeBodyWeight;

        int ne = elements.length;
        this.nAngular = 2 * nFourier;
        this.twoBodySize = ne * nRs2;
        long d = (long) ne * nRs2 + (long) ne * (ne + 1) / 2 * nRs3 * nAngular;
        if (d > Integer.MAX_VALUE / 8) throw new IllegalArgumentException("representation too large: " + d);
        this.dim = (int) d;

        int maxZ = 0;
        for (int z : elements) maxZ = Math.max(maxZ, z);
        this.elementIndex = new int[maxZ + 1];
        Arrays.fill(elementIndex, -1);
        for (int e = 0; e < ne; e++) elementIndex[elements[e]] = e;

        double[] rs2 = gridWithoutZero(rcut, nRs2);
        this.logRs2 = new double[nRs2];
        this.twoBodyNorm = new double[nRs2];
        for (int k = 0; k < nRs2; k++) {
            logRs2[k] = Math.log(rs2[k]);
            twoBodyNorm[k] = 1.0 / (SQRT_2PI * rs2[k]);
        }
        this.rs3 = gridWithoutZero(acut, nRs3);
        this.rs3Step = acut / nRs3;
        this.rs3Shrink = Math.exp(-2.0 * eta3 * rs3Step * rs3Step);
        this.angularNorm = new double[nFourier];
        for (int f = 0; f < nFourier; f++) {
            double zo = zeta * (2 * f + 1);
            angularNorm[f] = 2.0 * Math.exp(-zo * zo / 2.0);
        }
        this.tripletScale = Math.sqrt(eta3 / Math.PI) * threeBodyWeight;
    }

    /** The representation with every parameter at its default (720 values per atom). */
    public static Fchl19 defaults() {
        return new Builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this representation's parameters. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.elements = elements.clone();
        b.nRs2 = nRs2;
        b.nRs3 = nRs3;
        b.nFourier = nFourier;
        b.eta2 = eta2;
        b.eta3 = eta3;
        b.zeta = zeta;
        b.rcut = rcut;
        b.acut = acut;
        b.twoBodyDecay = twoBodyDecay;
        b.threeBodyDecay = threeBodyDecay;
        b.threeBodyWeight = threeBodyWeight;
        return b;
    }

    /** Values per atom: nE·nRs2 + nE(nE+1)·nRs3·nFourier. */
    public int dim() {
        return dim;
    }

    /** Atomic numbers of the element list, in block order (copy). */
    public int[] elements() {
        return elements.clone();
    }

    public int nRs2() {
        return nRs2;
    }

    public int nRs3() {
        return nRs3;
    }

    public int nFourier() {
        return nFourier;
    }

    public double eta2() {
        return eta2;
    }

    public double eta3() {
        return eta3;
    }

    public double zeta() {
        return zeta;
    }

    public double rcut() {
        return rcut;
    }

    public double acut() {
        return acut;
    }

    public double twoBodyDecay() {
        return twoBodyDecay;
    }

    public double threeBodyDecay() {
        return threeBodyDecay;
    }

    /** The three-body weight as given (13.4 by default), before the factor sqrt(η3/π). */
    public double threeBodyWeight() {
        return threeBodyWeight;
    }

    /** Offset within a row of the two-body block of element index e (0-based in the element list). */
    public int twoBodyOffset(int e) {
        checkElementIndex(e);
        return e * nRs2;
    }

    /** Offset within a row of the three-body block of element indices (p, q), in either order. */
    public int threeBodyOffset(int p, int q) {
        checkElementIndex(p);
        checkElementIndex(q);
        return threeBodyBlock(Math.min(p, q), Math.max(p, q));
    }

    /** Rows of all atoms of {@code s}, in file order: {@code s.size() × dim()} row-major. */
    public double[] compute(Structure s) {
        return compute(s, s.size());
    }

    /**
     * Rows of all atoms of {@code s} followed by zero rows up to {@code pad} rows
     * ({@code pad × dim()} row-major), as {@code generate_fchl19(..., pad=pad)}.
     *
     * @throws IllegalArgumentException when the structure has more than {@code pad} atoms, is periodic,
     *                                  holds an element missing from the element list, or two atoms coincide
     */
    public double[] compute(Structure s, int pad) {
        Objects.requireNonNull(s, "structure");
        if (s.size() > pad)
            throw new IllegalArgumentException("structure has " + s.size() + " atoms, more than pad " + pad);
        int[] types = elementTypes(s);
        long values = (long) pad * dim;
        if (values > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException(pad + " rows × " + dim + " values do not fit in one array");
        double[] out = new double[(int) values];
        fill(s.positions(), types, out, 0);
        return out;
    }

    /**
     * Rows of every atom of every structure, in file order, computed on {@code threads} threads
     * (structures are handed out one at a time). Progress is reported in structures.
     *
     * @throws IllegalArgumentException when a structure is periodic, holds an element missing from the
     *                                  element list, or has two coinciding atoms (the message names it)
     */
    public Descriptors compute(List<Structure> structures, int threads, ProgressListener progress) {
        Objects.requireNonNull(structures, "structures");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        int count = structures.size();
        int[] offsets = new int[count + 1];
        int[][] types = new int[count][];
        for (int i = 0; i < count; i++) {
            Structure s = structures.get(i);
            try {
                types[i] = elementTypes(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("structure " + i + ": " + e.getMessage(), e);
            }
            offsets[i + 1] = Math.addExact(offsets[i], s.size());
        }
        long values = (long) offsets[count] * dim;
        if (values > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException(offsets[count] + " atoms × " + dim + " values do not fit in one array");
        double[] data = new double[(int) values];
        long[] done = {0};
        Parallel.run(threads, count, i -> {
            try {
                fill(structures.get(i).positions(), types[i], data, (long) offsets[i] * dim);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("structure " + i + ": " + e.getMessage(), e);
            }
            synchronized (done) { // keeps the reported counts monotone across workers
                listener.progress(++done[0], count);
            }
        });
        return new Descriptors(data, dim, offsets);
    }

    /** Element-list index of every atom; rejects periodic structures and unlisted elements. */
    private int[] elementTypes(Structure s) {
        if (s.isPeriodic())
            throw new IllegalArgumentException("FCHL19 is implemented for non-periodic structures only");
        int n = s.size();
        int[] z = s.atomicNumbers();
        int[] types = new int[n];
        for (int a = 0; a < n; a++) {
            int t = z[a] < elementIndex.length ? elementIndex[z[a]] : -1;
            if (t < 0)
                throw new IllegalArgumentException("element " + Elements.symbol(z[a]) + " (Z=" + z[a] + ") of atom " + a
                        + " is not in the FCHL19 element list " + elementSymbols());
            types[a] = t;
        }
        return types;
    }

    private String elementSymbols() {
        StringBuilder sb = new StringBuilder("[");
        for (int e = 0; e < elements.length; e++) {
            if (e > 0) sb.append(", ");
            sb.append(Elements.symbol(elements[e]));
        }
        return sb.append(']').toString();
    }

    /**
     * Adds the representation of one molecule into {@code out}, whose rows for its atoms start at
     * {@code base} and are zero on entry.
     */
    private void fill(double[] pos, int[] types, double[] out, long base) {
        int n = types.length;
        if (n == 0) return;
        int b0 = Math.toIntExact(base);

        // Pair distances, computed once.
        double[] dist = new double[n * n];
        for (int i = 0; i < n; i++) {
            double xi = pos[3 * i], yi = pos[3 * i + 1], zi = pos[3 * i + 2];
            for (int j = i + 1; j < n; j++) {
                double dx = pos[3 * j] - xi, dy = pos[3 * j + 1] - yi, dz = pos[3 * j + 2] - zi;
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (!(r > 0.0))
                    throw new IllegalArgumentException("atoms " + i + " and " + j + " coincide");
                dist[i * n + j] = r;
                dist[j * n + i] = r;
            }
        }

        twoBody(types, dist, out, b0);
        threeBody(pos, types, dist, out, b0);
    }

    private void twoBody(int[] types, double[] dist, double[] out, int b0) {
        int n = types.length;
        double piOverCut = Math.PI / rcut;
        double[] g = new double[nRs2];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double r = dist[i * n + j];
                if (r > rcut) continue;
                double s2 = Math.log(1.0 + eta2 / (r * r));   // σ²
                double sigma = Math.sqrt(s2);
                double mu = Math.log(r / Math.sqrt(1.0 + eta2 / (r * r)));
                double fc = 0.5 * (Math.cos(piOverCut * r) + 1.0);
                double scale = fc / (sigma * Math.pow(r, twoBodyDecay));
                double inv2s2 = 1.0 / (2.0 * s2);
                for (int k = 0; k < nRs2; k++) {
                    double t = logRs2[k] - mu;
                    g[k] = scale * twoBodyNorm[k] * Math.exp(-t * t * inv2s2);
                }
                // Atom i's block of j's element; atom j's block of i's element.
                int toI = b0 + i * dim + types[j] * nRs2;
                int toJ = b0 + j * dim + types[i] * nRs2;
                for (int k = 0; k < nRs2; k++) {
                    out[toI + k] += g[k];
                    out[toJ + k] += g[k];
                }
            }
        }
    }

    private void threeBody(double[] pos, int[] types, double[] dist, double[] out, int b0) {
        int n = types.length;
        double piOverCut = Math.PI / acut;
        // Per pair: cutoff function and r^-decay, so a triplet needs no pow.
        double[] fc = new double[n * n];
        double[] rpow = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double r = dist[i * n + j];
                double f = 0.5 * (Math.cos(piOverCut * r) + 1.0);
                double p = Math.pow(r, -threeBodyDecay);
                fc[i * n + j] = f;
                fc[j * n + i] = f;
                rpow[i * n + j] = p;
                rpow[j * n + i] = p;
            }
        }
        int[] neigh = new int[n];
        double[] rho = new double[nRs3];
        double[] ang = new double[nAngular];
        for (int i = 0; i < n; i++) {
            int nn = 0;
            for (int j = 0; j < n; j++) if (j != i && dist[i * n + j] <= acut) neigh[nn++] = j;
            double xi = pos[3 * i], yi = pos[3 * i + 1], zi = pos[3 * i + 2];
            int row = b0 + i * dim;
            for (int a = 0; a < nn; a++) {
                int j = neigh[a];
                double rij = dist[i * n + j];
                double xij = pos[3 * j] - xi, yij = pos[3 * j + 1] - yi, zij = pos[3 * j + 2] - zi;
                double fij = fc[i * n + j];
                double pij = rpow[i * n + j];
                int tj = types[j];
                for (int c = a + 1; c < nn; c++) {
                    int k = neigh[c];
                    double rik = dist[i * n + k];
                    double rjk = dist[j * n + k];
                    double xik = pos[3 * k] - xi, yik = pos[3 * k + 1] - yi, zik = pos[3 * k + 2] - zi;
                    double xjk = xik - xij, yjk = yik - yij, zjk = zik - zij;
                    // Cosines of the triangle's angles at i, j and k.
                    double cosI = (xij * xik + yij * yik + zij * zik) / (rij * rik);
                    double cosJ = -(xij * xjk + yij * yjk + zij * zjk) / (rij * rjk);
                    double cosK = (xik * xjk + yik * yjk + zik * zjk) / (rik * rjk);
                    double xi3 = (1.0 + 3.0 * cosI * cosJ * cosK) * pij * rpow[i * n + k] * rpow[j * n + k] * tripletScale;

                    double cosT = Math.max(-1.0, Math.min(1.0, cosI));
                    double sinT = Math.sqrt(Math.max(0.0, 1.0 - cosT * cosT));
                    angular(cosT, sinT, xi3, ang);

                    radial(0.5 * (rij + rik), fij * fc[i * n + k], rho);
                    int tk = types[k];
                    int start = row + threeBodyBlock(Math.min(tj, tk), Math.max(tj, tk));
                    if (nAngular == 2) {
                        double ac = ang[0], as = ang[1];
                        for (int l = 0; l < nRs3; l++) {
                            int z = start + 2 * l;
                            out[z] += ac * rho[l];
                            out[z + 1] += as * rho[l];
                        }
                    } else {
                        for (int l = 0; l < nRs3; l++) {
                            int z = start + nAngular * l;
                            for (int m = 0; m < nAngular; m++) out[z + m] += ang[m] * rho[l];
                        }
                    }
                }
            }
        }
    }

    /**
     * ρ_l = exp(-η3 (mean - Rs3_l)²) · cut for every l. The grid is uniform (spacing h), so from the grid
     * point nearest to {@code mean} the Gaussian is stepped outwards by ratios that shrink by the constant
     * factor exp(-2 η3 h²) per step: three {@code exp} per triplet instead of nRs3. Moving away from the
     * peak every factor is at most 1, so nothing overflows; the relative rounding grows by a few ulp per
     * step and multiplies values that shrink like the Gaussian itself (well below 1e-15 absolute).
     */
    private void radial(double mean, double cut, double[] rho) {
        double h = rs3Step;
        int l0 = (int) Math.rint(mean / h) - 1;
        if (l0 < 0) l0 = 0;
        if (l0 > nRs3 - 1) l0 = nRs3 - 1;
        double t0 = mean - rs3[l0];
        double g0 = Math.exp(-eta3 * t0 * t0) * cut;
        rho[l0] = g0;
        double g = g0;
        double ratio = Math.exp(-eta3 * h * (h - 2.0 * t0));
        for (int l = l0 + 1; l < nRs3; l++) {
            g *= ratio;
            rho[l] = g;
            ratio *= rs3Shrink;
        }
        g = g0;
        ratio = Math.exp(-eta3 * h * (h + 2.0 * t0));
        for (int l = l0 - 1; l >= 0; l--) {
            g *= ratio;
            rho[l] = g;
            ratio *= rs3Shrink;
        }
    }

    /**
     * Angular terms times the triplet weight: for o = 1, 3, ..., 2 nFourier - 1 the pair
     * [2 cos(oθ) e^{-(ζo)²/2}, 2 sin(oθ) e^{-(ζo)²/2}], from cos θ and sin θ by complex powers.
     */
    private void angular(double cosT, double sinT, double weight, double[] ang) {
        double c = cosT, s = sinT;                       // e^{iθ}
        double c2 = cosT * cosT - sinT * sinT, s2 = 2.0 * cosT * sinT; // e^{2iθ}
        for (int f = 0; f < nFourier; f++) {
            double w = angularNorm[f] * weight;
            ang[2 * f] = w * c;
            ang[2 * f + 1] = w * s;
            double cn = c * c2 - s * s2;
            s = c * s2 + s * c2;
            c = cn;
        }
    }

    private int threeBodyBlock(int p, int q) {
        int ne = elements.length;
        return twoBodySize + nRs3 * nAngular * (q + ne * p - p * (p + 1) / 2);
    }

    private void checkElementIndex(int e) {
        if (e < 0 || e >= elements.length)
            throw new IndexOutOfBoundsException("element index " + e + " outside 0.." + (elements.length - 1));
    }

    /** The grid linspace(0, cut, n + 1) without its first point, with the same rounding as NumPy. */
    private static double[] gridWithoutZero(double cut, int n) {
        double step = cut / n;
        double[] g = new double[n];
        for (int k = 1; k <= n; k++) g[k - 1] = k * step;
        g[n - 1] = cut;
        return g;
    }

    private static void requirePositive(String name, double v) {
        if (!(v > 0.0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + " must be positive and finite: " + v);
    }

    private static void requireFinite(String name, double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException(name + " must be finite: " + v);
    }

    /** Parameters of {@link Fchl19}; every field starts at its default. */
    public static final class Builder {
        private int[] elements = {1, 6, 7, 8, 16};
        private int nRs2 = 24;
        private int nRs3 = 20;
        private int nFourier = 1;
        private double eta2 = 0.32;
        private double eta3 = 2.7;
        private double zeta = Math.PI;
        private double rcut = 8.0;
        private double acut = 8.0;
        private double twoBodyDecay = 1.8;
        private double threeBodyDecay = 0.57;
        private double threeBodyWeight = 13.4;

        private Builder() {
        }

        /** Atomic numbers of the elements, in block order (default 1, 6, 7, 8, 16). */
        public Builder elements(int... atomicNumbers) {
            this.elements = Objects.requireNonNull(atomicNumbers, "elements").clone();
            return this;
        }

        /** Number of two-body radial functions (default 24). */
        public Builder nRs2(int v) {
            this.nRs2 = v;
            return this;
        }

        /** Number of three-body radial functions (default 20). */
        public Builder nRs3(int v) {
            this.nRs3 = v;
            return this;
        }

        /** Number of odd angular harmonics, each a cos and a sin term (default 1). */
        public Builder nFourier(int v) {
            this.nFourier = v;
            return this;
        }

        /** Width parameter of the two-body log-normal functions (default 0.32). */
        public Builder eta2(double v) {
            this.eta2 = v;
            return this;
        }

        /** Precision of the three-body radial Gaussians (default 2.7). */
        public Builder eta3(double v) {
            this.eta3 = v;
            return this;
        }

        /** Damping of the angular harmonics (default π). */
        public Builder zeta(double v) {
            this.zeta = v;
            return this;
        }

        /** Two-body cutoff in Å (default 8). */
        public Builder rcut(double v) {
            this.rcut = v;
            return this;
        }

        /** Three-body cutoff in Å (default 8). */
        public Builder acut(double v) {
            this.acut = v;
            return this;
        }

        /** Power of the two-body 1/r^d scaling (default 1.8). */
        public Builder twoBodyDecay(double v) {
            this.twoBodyDecay = v;
            return this;
        }

        /** Power of the three-body 1/(r_ij r_ik r_jk)^d scaling (default 0.57). */
        public Builder threeBodyDecay(double v) {
            this.threeBodyDecay = v;
            return this;
        }

        /** Three-body weight before the factor sqrt(η3/π) (default 13.4). */
        public Builder threeBodyWeight(double v) {
            this.threeBodyWeight = v;
            return this;
        }

        public Fchl19 build() {
            return new Fchl19(this);
        }
    }
}
