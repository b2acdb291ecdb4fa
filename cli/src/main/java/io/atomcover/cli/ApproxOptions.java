package io.atomcover.cli;

import io.atomcover.neighbours.IndexParameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Approximate dH from an HNSW nearest-neighbour index: {@code --approx} and its settings (dh, active-learning). */
public final class ApproxOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--approx",
            description = "Approximate dH from the K nearest reference environments found by an HNSW index, as upstream "
                    + "QUESTS's approx_dH and active_learning (which use NN-descent): dH = -log sum over those K only. "
                    + "Faster on large references; with exact neighbours never below the exact dH. Not reproducible "
                    + "bit for bit (the index draws its layers at random).")
    boolean approx;

    @Option(names = "--approx-k", paramLabel = "K",
            description = "Neighbours per environment for --approx. Default: ${DEFAULT-VALUE} (upstream's).")
    int k = 3;

    @Option(names = "--hnsw-m", paramLabel = "M",
            description = "HNSW links per node and layer; more: better recall, slower build. Default: ${DEFAULT-VALUE}.")
    int m = IndexParameters.DEFAULT.m();

    @Option(names = "--hnsw-ef-construction", paramLabel = "N",
            description = "HNSW candidate list while building. Default: ${DEFAULT-VALUE}.")
    int efConstruction = IndexParameters.DEFAULT.efConstruction();

    @Option(names = "--hnsw-ef", paramLabel = "N",
            description = "HNSW candidate list while searching (at least K is used); more: better recall, slower queries. Default: ${DEFAULT-VALUE}.")
    int ef = IndexParameters.DEFAULT.ef();

    IndexParameters parameters() {
        return new IndexParameters(m, efConstruction, Math.max(ef, k));
    }

    void validate() {
        var cl = mixee.commandLine();
        if (k < 1) throw new ParameterException(cl, "--approx-k must be at least 1, got " + k);
        if (m < 2) throw new ParameterException(cl, "--hnsw-m must be at least 2, got " + m);
        if (efConstruction < 1) throw new ParameterException(cl, "--hnsw-ef-construction must be at least 1, got " + efConstruction);
        if (ef < 1) throw new ParameterException(cl, "--hnsw-ef must be at least 1, got " + ef);
    }
}
