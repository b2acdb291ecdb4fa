package io.atomcover.cli;

import io.atomcover.ilpselect.fchl.Fchl19Inputs;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.structure.Dataset;
import io.atomcover.io.Npy;
import io.atomcover.io.NpzWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atomcover descriptors}: QUESTS or FCHL19 descriptors of every atom, saved as .npy. */
@Command(name = "descriptors",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "QUESTS or FCHL19 descriptors of every environment, saved as a .npy matrix.",
        description = {
                "Compute the QUESTS descriptor of every atomic environment and save them as a float64 .npy "
                        + "matrix with one row per atom (structures in file order, atoms in order within each). An .npz "
                        + "output holds that matrix as X, with offsets (int64, structures + 1: the rows of structure s are "
                        + "offsets[s] to offsets[s+1]) and species (int64, the atomic number of each row's atom; 0 for "
                        + "--pad rows), so that rows map back to structures and elements.",
                "",
                "A row has 2K-1 values: K inverse-distance-like weights of the nearest neighbours, then K-1 "
                        + "sorted averages of the neighbour-neighbour matrix. --multicomponent appends one such "
                        + "block per chemical species.",
                "",
                "--type fchl19 computes the FCHL19 representation of molecules instead (default parameters, "
                        + "720 values per atom for five elements; see docs/methods.md, 'FCHL19'): rows of all atoms of all frames in file order, "
                        + "or with --pad N exactly N rows per frame, zero-padded (an error when a frame has more atoms). "
                        + "The QUESTS options are ignored then.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  atomcover descriptors examples/mlearn-si/Si-train.extxyz -o si-train.npy",
                "  atomcover descriptors molecules.xyz -o mol.npz -k 16 -c 4.0",
                "  atomcover descriptors qm7.extxyz --type fchl19 -o qm7-fchl.npy",
                "  atomcover descriptors drugs.extxyz --type fchl19 --pad 68 -o drugs-fchl.npy",
                "  python3 -c \"import numpy; print(numpy.load('si-train.npy').shape)\"",
                "  python3 -c \"import numpy; z = numpy.load('mol.npz'); print(z['X'].shape, z['offsets'][:3], z['species'][:3])\""})
final class DescriptorsCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "Structures: any format of docs/formats.md (extxyz, VASP, LAMMPS), "
            + "FILE@SEL for some frames, - for standard input.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.npy|OUT.npz", required = true,
            description = "Where to write the environments x values float64 matrix (replaced atomically): .npy the matrix "
                    + "alone; .npz the matrix as X with offsets and species.")
    Path output;

    /** Descriptor kinds. */
    enum Type { QUESTS, FCHL19 }

    @Option(names = "--type", paramLabel = "TYPE", description = "quests or fchl19. Default: ${DEFAULT-VALUE}.")
    Type type = Type.QUESTS;

    @Option(names = "--elements", paramLabel = "Z", split = ",",
            description = "fchl19: element list (atomic numbers), which sets the row layout. Default: 1,6,7,8,16.")
    List<Integer> elements = List.of(1, 6, 7, 8, 16);

    @Option(names = "--pad", paramLabel = "N",
            description = "fchl19: N rows per frame, zero-padded, instead of one row per atom.")
    Integer pad;

    @Mixin
    DescriptorOptions descriptor;

    @Mixin
    TypesOption types;

    @Mixin
    CommonOptions common;

    @Override
    CommonOptions common() {
        return common;
    }

    @Override
    void validate() {
        descriptor.validate();
        if (type == Type.QUESTS && pad != null) throw usage("--pad needs --type fchl19");
        if (pad != null && pad < 1) throw usage("--pad must be at least 1, got " + pad);
        ElementsOption.check(elements, this);
    }

    @Override
    void declareFiles(FilePlan files) {
        files.input(file);
        files.output("-o", output, FilePlan.Names.of(".npy", ".npz"));
    }

    @Override
    void run() throws Exception {
        long t0 = System.nanoTime();
        Dataset ds = Inputs.readDataset(file, types.options());
        Descriptors d = type == Type.FCHL19 ? fchl19(ds) : Inputs.compute(ds, Inputs.descriptor(descriptor), common);
        if (output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz"))
            new NpzWriter().float64("X", d.data(), d.rows(), d.dim()).int64("offsets", d.offsets()).int64("species", species(ds, d))
                    .write(output);
        else Npy.write(output, d.data(), d.rows(), d.dim());
        double seconds = secondsSince(t0);
        out().println(Text.format("%s: %d structures, %d environments, dim %d, %.3f s -> %s",
                file, ds.size(), d.rows(), d.dim(), seconds, output));
    }

    /** The atomic number of each row's atom, structure by structure; rows past a structure's atoms (--pad) get 0. */
    static int[] species(Dataset ds, Descriptors d) {
        int[] z = new int[d.rows()];
        for (int s = 0; s < ds.size(); s++) {
            int[] atoms = ds.get(s).atomicNumbers();
            int first = d.offsets()[s];
            for (int i = 0; i < d.rowsOf(s) && i < atoms.length; i++) z[first + i] = atoms[i];
        }
        return z;
    }

    /** FCHL19 rows, one per atom or {@code pad} per frame (zero rows after a frame's atoms). */
    private Descriptors fchl19(Dataset ds) {
        Fchl19 rep = Fchl19Inputs.representation(elements);
        Fchl19Inputs.check(ds, rep, pad == null ? 0 : pad);
        Descriptors rows;
        try (Progress p = Progress.start("fchl19", " molecules", common.showProgress(), System.err)) {
            rows = rep.compute(ds.structures(), common.threads, p);
        }
        if (pad == null) return rows;
        int dim = rows.dim();
        double[] out = new double[Math.multiplyExact(Math.multiplyExact(ds.size(), pad), dim)];
        int[] offsets = new int[ds.size() + 1];
        for (int s = 0; s < ds.size(); s++) {
            System.arraycopy(rows.data(), rows.offsets()[s] * dim, out, s * pad * dim, rows.rowsOf(s) * dim);
            offsets[s + 1] = (s + 1) * pad;
        }
        return new Descriptors(out, dim, offsets);
    }
}
