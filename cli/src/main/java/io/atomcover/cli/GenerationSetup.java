package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.descriptor.Descriptors;
import io.atomcover.descriptor.QuestsDescriptor;
import io.atomcover.generate.McmcRun;
import io.atomcover.structure.Dataset;

/** What mcmc and active-learning share: the reference, its descriptors, and the chains' JSON records. */
final class GenerationSetup {
    /**
     * The reference read and described.
     *
     * @param descriptor the descriptor, species fixed to the reference's when multicomponent, for proposals
     */
    record Reference(Dataset dataset, Descriptors rows, QuestsDescriptor descriptor) {
    }

    private GenerationSetup() {
    }

    static Reference load(java.nio.file.Path file, io.atomcover.io.ReadOptions read, DescriptorOptions options, CommonOptions common) {
        Dataset ds = Inputs.readDataset(file, read);
        QuestsDescriptor q = Inputs.descriptor(options);
        if (options.multicomponent) q = q.species(q.speciesFor(ds.structures()));
        return new Reference(ds, Inputs.compute(ds, q, common), q);
    }

    /** A chain's record: best score and step, acceptance, and each step's kT, score, U and decision. */
    static ObjectNode chain(ObjectNode o, McmcRun r) {
        o.put("seed", r.seed());
        Json.putFinite(o, "best_score", r.bestScore());
        o.put("best_step", r.bestStep());
        o.put("accepted", r.acceptedCount());
        o.put("acceptance_rate", (double) r.acceptedCount() / r.score().length);
        ArrayNode kT = o.putArray("temperature");
        ArrayNode score = o.putArray("score");
        ArrayNode draw = o.putArray("draw");
        ArrayNode acc = o.putArray("accepted_steps");
        for (int i = 0; i < r.score().length; i++) {
            kT.add(r.temperature()[i]);
            if (Double.isFinite(r.score()[i])) score.add(r.score()[i]);
            else score.addNull();
            draw.add(r.draw()[i]);
            acc.add(r.accepted()[i]);
        }
        return o;
    }
}
