package io.atomcover.ilpselect.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.ilpselect.krr.KrrSettings;
import java.util.Locale;

/** KRR settings as report fields. */
public final class KrrJson {
    private KrrJson() {
    }

    /** What shapes a learning curve besides its data: hydrogens, folds and their scoring, dressed-atom fit, grids. */
    public static void putSettings(ObjectNode report, KrrSettings settings) {
        report.put("hydrogens", settings.hydrogens());
        report.put("folds", settings.folds());
        report.put("fold_scheme", settings.foldScheme().name().toLowerCase(Locale.ROOT));
        report.put("cv_score", settings.score().name().toLowerCase(Locale.ROOT));
        report.put("dressed_fit", settings.dressedFit().name().toLowerCase(Locale.ROOT));
        ArrayNode s = report.putArray("sigmas");
        for (double v : settings.sigmas()) s.add(v);
        ArrayNode l = report.putArray("lambdas");
        for (double v : settings.lambdas()) l.add(v);
    }
}
