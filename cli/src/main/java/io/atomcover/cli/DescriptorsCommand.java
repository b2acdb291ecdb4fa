package io.atomcover.cli;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.io.Dataset;
import io.atomcover.io.Npy;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atomcover descriptors}: QUESTS descriptors of every environment, saved as .npy. */
@Command(name = "descriptors",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "QUESTS descriptors of every environment, saved as a .npy matrix.",
        description = {
                "Compute the QUESTS descriptor of every atomic environment and save them as a float64 .npy "
                        + "matrix with one row per atom (structures in file order, atoms in order within each).",
                "",
                "A row has 2K-1 values: K inverse-distance-like weights of the nearest neighbours, then K-1 "
                        + "sorted averages of the neighbour-neighbour matrix. --multicomponent appends one such "
                        + "block per chemical species.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  atomcover descriptors examples/mlearn-si/Si-train.extxyz -o si-train.npy",
                "  atomcover descriptors molecules.xyz -o mol.npy -k 16 -c 4.0",
                "  python3 -c \"import numpy; print(numpy.load('si-train.npy').shape)\""})
final class DescriptorsCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "Structures: extended XYZ (.extxyz) or plain XYZ (.xyz).")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.npy", required = true,
            description = "Where to write the environments x values float64 matrix (replaced atomically).")
    Path output;

    @Mixin
    DescriptorOptions descriptor;

    @Mixin
    CommonOptions common;

    @Override
    CommonOptions common() {
        return common;
    }

    @Override
    void validate() {
        descriptor.validate();
    }

    @Override
    void run() throws Exception {
        long t0 = System.nanoTime();
        checkWritable(output);
        Dataset ds = Inputs.readDataset(file);
        Descriptors d = Inputs.compute(ds, Inputs.descriptor(descriptor), common);
        Npy.write(output, d.data(), d.rows(), d.dim());
        double seconds = secondsSince(t0);
        out().println(Text.format("%s: %d structures, %d environments, dim %d, %.3f s -> %s",
                file, ds.size(), d.rows(), d.dim(), seconds, output));
    }
}
