package io.atomcover.cli;

import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.io.InputException;
import io.atomcover.io.Npy;
import io.atomcover.structure.Structure;
import io.atomcover.backend.KdeBackend;
import io.atomcover.metrics.InformationMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atomcover dh}: per-environment differential entropy of TEST against REF. */
@Command(name = "dh",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Differential entropy dH of every TEST environment against REF, saved as .npy.",
        description = {
                "Differential entropy dH(y | REF) = -log sum_x exp(-|y - x|^2 / 2h^2) of every TEST environment y "
                        + "against all REF environments x, saved as a float64 .npy vector in TEST's atom order. "
                        + "Large dH means novel; dH is +inf (kept as IEEE infinity) when every kernel term "
                        + "underflows, and may be negative when y has several close neighbours in REF.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  cd examples/mlearn-si",
                "  atomcover dh Si-test.extxyz Si-train.extxyz -o dH.npy",
                "  python3 -c \"import numpy; print(numpy.load('dH.npy').max())\""})
final class DhCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "TEST", description = "Dataset whose environments are scored: structures (.extxyz/.xyz) or descriptors (.npy).")
    Path test;

    @Parameters(index = "1", paramLabel = "REF", description = "Reference dataset: structures (.extxyz/.xyz) or descriptors (.npy).")
    Path ref;

    @Option(names = {"-o", "--output"}, paramLabel = "dH.npy", required = true,
            description = "Where to write the dH vector (float64, one value per TEST environment; replaced atomically).")
    Path output;

    @Mixin
    FixedBandwidthOption bandwidth;

    @Mixin
    DescriptorOptions descriptor;

    @Mixin
    BackendOptions backendOptions;

    @Mixin
    CommonOptions common;

    @Override
    CommonOptions common() {
        return common;
    }

    /**
     * dH values of TEST against REF and their finite statistics.
     *
     * @param dH       one value per TEST environment, +∞ where the kernel sum underflows
     * @param refEnvs  number of REF environments
     */
    record Result(double[] dH, int refEnvs) {
        long infinite() {
            long n = 0;
            for (double v : dH) if (v == Double.POSITIVE_INFINITY) n++;
            return n;
        }

        /** Mean over finite values; NaN when there are none. */
        double finiteMean() {
            double sum = 0;
            long n = 0;
            for (double v : dH) {
                if (Double.isFinite(v)) {
                    sum += v;
                    n++;
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }

        /** Maximum over finite values; NaN when there are none. */
        double finiteMax() {
            double max = Double.NaN;
            for (double v : dH) if (Double.isFinite(v) && !(v <= max)) max = v;
            return max;
        }
    }

    /** Loads both inputs and computes dH of every TEST environment against REF. */
    static Result compute(Path test, Path ref, double h, DescriptorOptions descriptor, BackendOptions backendOptions,
                          CommonOptions common, java.io.PrintWriter err) {
        Inputs.Source ts = Inputs.open(test);
        Inputs.Source rs = Inputs.open(ref);
        QuestsDescriptor q = Inputs.descriptor(descriptor);
        if (descriptor.multicomponent && !ts.isMatrix() && !rs.isMatrix()) {
            // Same species blocks on both sides, so that the rows are comparable.
            List<Structure> both = new ArrayList<>(ts.dataset().structures());
            both.addAll(rs.dataset().structures());
            q = q.species(q.speciesFor(both));
        }
        Inputs.Loaded t = Inputs.describe(ts, q, common);
        Inputs.Loaded r = Inputs.describe(rs, q, common);
        Descriptors y = t.descriptors();
        Descriptors x = r.descriptors();
        if (y.dim() != x.dim())
            throw new InputException(test, 0, "descriptor length " + y.dim() + " differs from " + x.dim() + " of " + ref
                    + (descriptor.multicomponent ? " (multicomponent blocks depend on the species present)" : ""));
        try (KdeBackend backend = backendOptions.open(common, err)) {
            try (Progress p = Progress.start("dH", " environments", common.showProgress(), System.err)) {
                return new Result(new InformationMetrics(backend).differentialEntropy(y, x, h, p), x.rows());
            }
        }
    }

    @Override
    void validate() {
        descriptor.validate();
        bandwidth.validate();
    }

    @Override
    void declareFiles(FilePlan files) {
        files.input(test);
        files.input(ref);
        files.output("-o", output, FilePlan.Names.NPY);
    }

    @Override
    void run() throws Exception {
        long t0 = System.nanoTime();
        Result r = compute(test, ref, bandwidth.h, descriptor, backendOptions, common, err());
        Npy.write(output, r.dH(), new long[] {r.dH().length});
        double seconds = secondsSince(t0);
        out().println(Text.format("%s against %s: %d values, mean %s and max %s over finite values, %d infinite, %.3f s -> %s",
                test, ref, r.dH().length, Text.precise(r.finiteMean()), Text.precise(r.finiteMax()), r.infinite(), seconds, output));
    }
}
