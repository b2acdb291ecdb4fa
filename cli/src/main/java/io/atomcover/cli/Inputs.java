package io.atomcover.cli;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.structure.Dataset;
import io.atomcover.io.FrameSelection;
import io.atomcover.io.InputSpec;
import io.atomcover.io.ReadOptions;
import io.atomcover.io.StructureFiles;
import io.atomcover.io.InputException;
import io.atomcover.io.Npy;
import io.atomcover.io.NpyArray;
import io.atomcover.structure.Structure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reads datasets and turns them into descriptor matrices, with progress on stderr. */
final class Inputs {
    private Inputs() {
    }

    /**
     * Descriptors of one input and where they came from.
     *
     * @param file        the input path as given
     * @param dataset     the structures read, or null when the input was a .npy descriptor matrix
     * @param descriptors one row per environment
     * @param seconds     wall time spent reading and computing
     */
    record Loaded(Path file, Dataset dataset, Descriptors descriptors, double seconds) {
        /** Number of structures, or -1 when the input was a bare descriptor matrix. */
        int structureCount() {
            return dataset == null ? -1 : dataset.size();
        }

        boolean fromNpy() {
            return dataset == null;
        }
    }

    /** True when the path names a NumPy .npy file (by its extension). */
    static boolean isNpy(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy");
    }

    /** Fails with exit code 1 and a one-line message when the input file cannot be read. */
    static void requireReadable(Path file) {
        if (!Files.exists(file)) throw new InputException(file, 0, "no such file");
        if (Files.isDirectory(file)) throw new InputException(file, 0, "is a folder, expected a file");
        if (!Files.isReadable(file)) throw new InputException(file, 0, "permission denied");
    }

    /**
     * Reads a structure input (any format {@link StructureFiles} reads; {@code FILE@SEL} and {@code -}
     * for standard input included).
     */
    static Dataset readDataset(Path file, ReadOptions options) {
        Dataset ds = StructureFiles.read(file, options);
        requireAtoms(file, ds);
        return ds;
    }

    /** The QUESTS descriptor for the options (multicomponent species taken from the data). */
    static QuestsDescriptor descriptor(DescriptorOptions d) {
        return new QuestsDescriptor(d.k, d.cutoff).multicomponent(d.multicomponent);
    }

    /** Computes descriptors of every environment of the dataset, with a progress bar when enabled. */
    static Descriptors compute(Dataset dataset, QuestsDescriptor q, CommonOptions common) {
        try (Progress p = Progress.start("descriptors", " environments", common.showProgress(), System.err)) {
            return q.compute(dataset.structures(), common.threads, p);
        }
    }

    /**
     * Reads an input: the structures of a structure file, or the matrix of a .npy file
     * (then {@code dataset} is null and {@code matrix} holds the rows).
     */
    record Source(Path file, Dataset dataset, Descriptors matrix, long startNanos) {
        boolean isMatrix() {
            return dataset == null;
        }
    }

    static Source open(Path file, ReadOptions options) {
        long t0 = System.nanoTime();
        if (isNpy(file)) {
            requireReadable(file);
            return new Source(file, null, readMatrix(file), t0);
        }
        Dataset ds = StructureFiles.read(file, options);
        requireAtoms(file, ds);
        return new Source(file, ds, null, t0);
    }

    /** Fails when the input (or its @ selection) has no atom. */
    private static void requireAtoms(Path input, Dataset ds) {
        if (ds.atomCount() > 0) return;
        FrameSelection sel = InputSpec.of(input).selection();
        throw new InputException(ds.source(), 0, sel.isAll() ? "no atoms in the file" : "no atoms in the frames @" + sel + " selects");
    }

    /** The descriptors of an opened input: computed with {@code q}, or the matrix as read. */
    static Loaded describe(Source src, QuestsDescriptor q, CommonOptions common) {
        Descriptors d = src.isMatrix() ? src.matrix() : compute(src.dataset(), q, common);
        return new Loaded(src.file(), src.dataset(), d, BaseCommand.secondsSince(src.startNanos()));
    }

    /** Descriptors of {@code file}: read from it when it is a .npy matrix, else computed from its structures. */
    static Loaded load(Path file, ReadOptions options, DescriptorOptions d, CommonOptions common) {
        return describe(open(file, options), descriptor(d), common);
    }

    /**
     * Fails unless both descriptor sets have the same row length; the message names {@code a}'s file
     * first.
     */
    static void requireSameDim(Path a, Descriptors da, Path b, Descriptors db, boolean multicomponent) {
        if (da.dim() != db.dim())
            throw new InputException(a, 0, "descriptor length " + da.dim() + " differs from " + db.dim() + " of " + b
                    + (multicomponent ? " (multicomponent blocks depend on the species present)" : ""));
    }

    /** Two inputs loaded with the same descriptor settings. */
    record Pair(Loaded first, Loaded second) {
    }

    /**
     * The descriptors of two inputs that are compared row against row: with {@code --multicomponent}
     * both get the species blocks of the two together, so that their rows line up.
     */
    static Pair loadPair(Path first, Path second, ReadOptions read, DescriptorOptions options, CommonOptions common) {
        Source a = open(first, read);
        Source b = open(second, read);
        QuestsDescriptor q = descriptor(options);
        if (options.multicomponent && !a.isMatrix() && !b.isMatrix()) {
            List<Structure> both = new ArrayList<>(a.dataset().structures());
            both.addAll(b.dataset().structures());
            q = q.species(q.speciesFor(both));
        }
        Pair pair = new Pair(describe(a, q, common), describe(b, q, common));
        requireSameDim(first, pair.first().descriptors(), second, pair.second().descriptors(), options.multicomponent);
        return pair;
    }

    /** A 2-D .npy matrix as descriptor rows (environments x values); other dtypes are converted to double. */
    static Descriptors readMatrix(Path file) {
        NpyArray a = Npy.read(file);
        long[] shape = a.shape();
        if (shape.length != 2 || shape[0] < 1 || shape[1] < 1)
            throw new InputException(file, 0, "expected a non-empty 2-D descriptor matrix (environments x values), got shape "
                    + Arrays.toString(shape));
        return Descriptors.ofRows(a.data(), (int) shape[1]);
    }

    /**
     * Mean volume per atom over the periodic structures (for the volume-based bandwidth rules).
     *
     * @throws CliFailure when no structure has a cell
     */
    static double volumePerAtom(Dataset ds) {
        double sum = 0;
        int n = 0;
        for (Structure s : ds.structures()) {
            if (!s.hasCell() || s.size() == 0) continue;
            sum += s.volume() / s.size();
            n++;
        }
        if (n == 0)
            throw new CliFailure(ds.source() + ": the volume-based bandwidth rules need structures with a cell (volume per atom); give -b instead");
        return sum / n;
    }
}
