package io.atomcover.structure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Large, MD-like datasets made from a small one ("Si-train × R"): every structure repeated R times,
 * each copy with independent Gaussian displacements of every atom (an Einstein model of thermal
 * motion), σ rising linearly from {@value #SIGMA_FIRST} Å in the first replica to {@value #SIGMA_LAST} Å
 * in the last (one replica: σ = {@value #SIGMA_FIRST} Å). The result is the same on every machine and JDK.
 *
 * <p>The recipe, exactly:
 * <ol>
 *   <li>Output order is replica-major: replica 0 (every structure in input order), then replica 1, …
 *   <li>σ_r = 0.01 + 0.09 · r / (R − 1) Å for replica r of R (R = 1: 0.01 Å).
 *   <li>Replica r draws from its own {@link SplittableRandom}, seeded with the (r+1)-th
 *       {@code nextLong()} of {@code new SplittableRandom(seed)}; so replica r does not depend on R,
 *       and the first replicas of any R are identical.
 *   <li>Within a replica, standard normals z_0, z_1, … are assigned to the coordinates in order:
 *       structures, then atoms, then x, y, z. They come in pairs from two {@code nextDouble()} draws
 *       u1, u2 (Box–Muller): ρ = √(−2 ln(1 − u1)), z_2i = ρ cos(2π u2), z_2i+1 = ρ sin(2π u2), with
 *       {@link StrictMath} so that every platform rounds alike; a spare normal at the end of a replica
 *       is discarded. The new coordinate is x + σ_r · z (not wrapped back into the cell).
 * </ol>
 *
 * <p>Cell, periodicity and frame info are kept, with {@code replica} and {@code sigma} added to the
 * info; forces are dropped because they no longer match the displaced atoms; the energy stays that of
 * the undisplaced frame. Other per-atom columns are kept.
 */
public final class ThermalReplicas {
    /** The seed of the published scale datasets. */
    public static final long DEFAULT_SEED = 20260113L;
    /** σ of the first replica, Å. */
    public static final double SIGMA_FIRST = 0.01;
    /** σ of the last replica, Å. */
    public static final double SIGMA_LAST = 0.10;

    private ThermalReplicas() {
    }

    /** σ (Å) of replica {@code r} of {@code replicas}. */
    public static double sigma(int r, int replicas) {
        checkReplicas(replicas);
        if (r < 0 || r >= replicas) throw new IllegalArgumentException("replica " + r + " outside 0.." + (replicas - 1));
        return replicas == 1 ? SIGMA_FIRST : SIGMA_FIRST + (SIGMA_LAST - SIGMA_FIRST) * r / (replicas - 1);
    }

    /** {@code replicas} displaced copies of every structure of {@code data}, with {@link #DEFAULT_SEED}. */
    public static Dataset of(Dataset data, int replicas) {
        return of(data, replicas, DEFAULT_SEED);
    }

    /** {@code replicas} displaced copies of every structure of {@code data}, drawn from {@code seed}. */
    public static Dataset of(Dataset data, int replicas, long seed) {
        checkReplicas(replicas);
        SplittableRandom seeds = new SplittableRandom(seed);
        List<Structure> out = new ArrayList<>(data.size() * replicas);
        for (int r = 0; r < replicas; r++) {
            Normals z = new Normals(new SplittableRandom(seeds.nextLong()));
            double sigma = sigma(r, replicas);
            for (Structure s : data.structures()) out.add(displaced(s, r, sigma, z));
        }
        Path source = data.source() == null ? null : data.source().resolveSibling(data.source().getFileName() + "*" + replicas);
        return new Dataset(source, out);
    }

    private static Structure displaced(Structure s, int replica, double sigma, Normals z) {
        double[] p = s.positions().clone();
        for (int i = 0; i < p.length; i++) p[i] += sigma * z.next();
        Map<String, String> info = new LinkedHashMap<>(s.info());
        info.put("replica", Integer.toString(replica));
        info.put("sigma", Double.toString(sigma));
        List<AtomColumn> columns = new ArrayList<>();
        for (AtomColumn c : s.columns()) if (!c.name().equals("forces")) columns.add(c);
        String[] symbols = new String[s.size()];
        for (int a = 0; a < symbols.length; a++) symbols[a] = s.symbol(a);
        double[] cell = s.cell() == null ? null : s.cell().clone();
        return new Structure(symbols, p, cell, s.pbc(), info, columns);
    }

    private static void checkReplicas(int replicas) {
        if (replicas < 1) throw new IllegalArgumentException("replicas must be at least 1, got " + replicas);
    }

    /** Standard normals by Box–Muller in pairs, as the class comment specifies. */
    private static final class Normals {
        private final SplittableRandom rng;
        private double spare;
        private boolean hasSpare;

        Normals(SplittableRandom rng) {
            this.rng = rng;
        }

        double next() {
            if (hasSpare) {
                hasSpare = false;
                return spare;
            }
            double u1 = rng.nextDouble();
            double u2 = rng.nextDouble();
            double rho = StrictMath.sqrt(-2 * StrictMath.log(1 - u1));
            double angle = 2 * StrictMath.PI * u2;
            spare = rho * StrictMath.sin(angle);
            hasSpare = true;
            return rho * StrictMath.cos(angle);
        }
    }
}
