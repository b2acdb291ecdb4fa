package io.atomcover.ilpselect.experiment;

import io.atomcover.ilpselect.ilp.IlpOptions;
import io.atomcover.ilpselect.ilp.RankingMethod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One method of an experiment: a ranking method, and for the ILP run with several penalties its
 * penalty λ. Each is its own column, curve and set of files. With a single penalty the ILP has none
 * here, so its names ("ilp") stay those of runs made before several penalties could be given, and
 * their results still resume.
 *
 * @param method  the ranking method
 * @param penalty the ILP's penalty λ when several are run, else null
 */
public record ExperimentMethod(RankingMethod method, Double penalty) {
    public ExperimentMethod {
        if (penalty != null && method != RankingMethod.ILP) throw new IllegalArgumentException("only the ILP has a penalty: " + method);
    }

    /** The method without a penalty of its own. */
    public static ExperimentMethod of(RankingMethod method) {
        return new ExperimentMethod(method, null);
    }

    /**
     * The methods of a run, in order: the ILP once per penalty when {@code penalties} holds more than
     * one, else once without a penalty of its own.
     */
    public static List<ExperimentMethod> expand(List<RankingMethod> methods, double[] penalties) {
        List<ExperimentMethod> out = new ArrayList<>();
        for (RankingMethod m : methods) {
            if (m == RankingMethod.ILP && penalties.length > 1) for (double p : penalties) out.add(new ExperimentMethod(m, p));
            else out.add(of(m));
        }
        return out;
    }

    /** Whether this is {@code m} (with any penalty). */
    public boolean is(RankingMethod m) {
        return method == m;
    }

    /** The ILP settings of this method: {@code base} with this penalty, when it has one. */
    public IlpOptions ilp(IlpOptions base) {
        return penalty == null ? base : base.withPenalty(penalty);
    }

    /** The penalty as written in names: 1 for 1.0, 0.5 for 0.5 (as the ILPSelect file names write it). */
    public static String penaltyText(double penalty) {
        return BigDecimal.valueOf(penalty).stripTrailingZeros().toPlainString();
    }

    /** The name in files and parameters: "ilp", "ilp-p0", "ilp-p1", "sml", ... */
    @Override
    public String toString() {
        return penalty == null ? method.toString() : method + "-p" + penaltyText(penalty);
    }

    /** The name in tables and plots: "ilp", "ilp (λ=0)", "sml", ... */
    public String label() {
        return penalty == null ? method.toString() : method + " (λ=" + penaltyText(penalty) + ")";
    }
}
