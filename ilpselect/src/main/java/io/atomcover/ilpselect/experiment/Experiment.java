package io.atomcover.ilpselect.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.ilpselect.fchl.MoleculeReps;
import io.atomcover.ilpselect.ilp.IlpListener;
import io.atomcover.ilpselect.ilp.RankingMethod;
import io.atomcover.ilpselect.ilp.Ranking;
import io.atomcover.ilpselect.ilp.SmlRanker;
import io.atomcover.ilpselect.krr.CurvePoint;
import io.atomcover.ilpselect.progress.IlpProgress;
import io.atomcover.ilpselect.progress.StepListener;
import io.atomcover.ilpselect.report.CurveJson;
import io.atomcover.ilpselect.report.IlpJson;
import io.atomcover.ilpselect.report.KrrJson;
import io.atomcover.ilpselect.report.RankingJson;
import io.atomcover.ilpselect.report.ReportJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs an experiment: for every target, method (and seed, for random) a ranking of the database and
 * a learning curve on it, each written to its own file as soon as it is done. A file that is already
 * there, parses, and was made with the same parameters is read back instead of recomputed; anything
 * else is recomputed and replaced. Says what it does, one line per step, to its {@link StepListener}.
 * FCHL19 of the database and of each target is computed once, when first needed, and serves every
 * ranking and learning curve.
 */
public final class Experiment {
    /**
     * The learning curve of one target and method.
     *
     * @param mae          MAE (kcal/mol) at each size of the setup; NaN where the ranking is too short
     * @param ilpMolecules molecules ranked by the ILP itself (ILP only; else -1)
     * @param filled       whether a size of the curve used molecules the ILP did not rank (SML's fill)
     * @param curveFile    where it is stored
     */
    public record Run(ExperimentTarget target, ExperimentMethod method, long seed, double[] mae, int ilpMolecules, boolean filled,
                      Path curveFile) {
    }

    /** A ranking as the curve needs it. */
    private record Order(int[] indices, int ilpMolecules, Path file) {
    }

    private final ExperimentSetup setup;
    private final ResultFiles files;
    private final StepListener listener;
    private final long startNanos;
    private final Map<Path, Order> shared = new HashMap<>();
    private final Map<ExperimentTarget, MoleculeReps> targetReps = new HashMap<>();
    private MoleculeReps databaseReps;
    private int step;
    private int rankingsComputed, rankingsRead, curvesComputed, curvesRead;

    /**
     * @param listener   hears one line per step and the progress of long steps
     * @param startNanos when the run started ({@link System#nanoTime}), for elapsed times
     */
    public Experiment(ExperimentSetup setup, StepListener listener, long startNanos) {
        this.setup = setup;
        this.files = setup.files();
        this.listener = listener;
        this.startNanos = startNanos;
    }

    /**
     * Computes or reads back every ranking and curve, in target order.
     *
     * @throws ExperimentFailure when a ranking or a learning curve cannot be computed
     */
    public List<Run> run() throws IOException {
        files.createFolders();
        List<Run> results = new ArrayList<>();
        for (ExperimentTarget t : setup.targets())
            for (ExperimentMethod m : setup.methods())
                for (long seed : setup.seedsOf(m)) {
                    step++;
                    Order order = ranking(t, m, seed);
                    results.add(curve(t, m, seed, order));
                }
        return results;
    }

    /** "N computed, M read back" for rankings and curves. */
    public String tally() {
        return format("rankings: %d computed, %d read back; learning curves: %d computed, %d read back",
                rankingsComputed, rankingsRead, curvesComputed, curvesRead);
    }

    private String label(ExperimentTarget t, ExperimentMethod m, long seed) {
        return t.name() + " " + m + (m.is(RankingMethod.RANDOM) ? " seed " + seed : "");
    }

    private void note(String label, String text) {
        long s = Math.round(secondsSince(startNanos));
        listener.note(format("[%d/%d %d:%02d:%02d] %s: %s", step, setup.runs(), s / 3600, s / 60 % 60, s % 60, label, text));
    }

    // ---- rankings

    private Order ranking(ExperimentTarget t, ExperimentMethod m, long seed) throws IOException {
        Path file = files.ranking(m.method().targetDependent() ? t : null, m, seed);
        Order known = shared.get(file);
        if (known != null) return known;
        String label = m.method().targetDependent() ? label(t, m, seed) : m + (m.is(RankingMethod.RANDOM) ? " seed " + seed : "") + " (all targets)";
        ObjectNode params = rankingParameters(t, m, seed);
        ResultFiles.Stored stored = files.read(file, params, json -> storedOrder(json, m, file));
        Order order;
        if (stored.valid()) {
            order = storedOrder(stored.json(), m, file);
            rankingsRead++;
            note(label, "ranking read back from " + files.relative(file) + " (same parameters)");
        } else {
            if (!stored.missing()) note(label, files.relative(file) + " " + stored.problem() + ": recomputing it");
            order = computeRanking(t, m, seed, params, file, label);
            rankingsComputed++;
        }
        if (!m.method().targetDependent()) shared.put(file, order);
        return order;
    }

    private ObjectNode rankingParameters(ExperimentTarget t, ExperimentMethod m, long seed) {
        ObjectNode p = ReportJson.object();
        p.put("kind", "ranking");
        p.put("method", m.toString());
        p.put("n", setup.maxSize());
        putInputs(p, m.method().targetDependent() ? t : null);
        if (m.is(RankingMethod.RANDOM)) p.put("seed", seed);
        if (m.is(RankingMethod.ILP)) {
            ObjectNode ilp = p.putObject("ilp");
            IlpJson.put(ilp, m.ilp(setup.ilp()));
            ilp.put("ilp_n", ilpSize());
            ilp.put("fill", setup.fill().toString());
        }
        return p;
    }

    /** Elements, database (with the held-out frames) and (when not null) target fingerprints. */
    private void putInputs(ObjectNode p, ExperimentTarget t) {
        ArrayNode el = p.putArray("elements");
        setup.elements().forEach(el::add);
        ObjectNode db = p.putObject("database");
        db.put("molecules", setup.database().size());
        db.put("sha256", setup.databaseDigest());
        Holdout h = setup.holdout();
        if (h != null) {
            // The digest is the whole file's: which frames are held out (and so left out) says the rest.
            ObjectNode held = db.putObject("holdout");
            held.put("count", h.count());
            if (h.seed() != null) held.put("seed", h.seed());
            ArrayNode frames = held.putArray("frames");
            for (int f : h.targets()) frames.add(f);
        }
        if (t != null) {
            ObjectNode target = p.putObject("target");
            target.put("name", t.name());
            target.put("sha256", t.digest());
        }
    }

    private int ilpSize() {
        return Math.min(setup.ilpN(), setup.maxSize());
    }

    /** The ranking of a stored file; IllegalArgumentException when it is not one this run can use. */
    private Order storedOrder(JsonNode json, ExperimentMethod m, Path file) {
        JsonNode a = json.get("ranking");
        if (a == null || !a.isArray()) throw new IllegalArgumentException("no \"ranking\" array");
        int dbSize = setup.database().size();
        int[] order = new int[a.size()];
        boolean[] seen = new boolean[dbSize];
        for (int i = 0; i < order.length; i++) {
            JsonNode v = a.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0 || v.asInt() >= dbSize)
                throw new IllegalArgumentException("ranking entry " + i + " is not a database index");
            if (seen[v.asInt()]) throw new IllegalArgumentException("ranking entry " + i + " repeats molecule " + v.asInt());
            seen[v.asInt()] = true;
            order[i] = v.asInt();
        }
        int ilpMolecules = -1;
        int want = setup.maxSize();
        if (m.is(RankingMethod.ILP)) {
            JsonNode k = json.get("ilp_molecules");
            if (k == null || !k.canConvertToInt() || k.asInt() < 0 || k.asInt() > Math.min(ilpSize(), order.length))
                throw new IllegalArgumentException("no valid \"ilp_molecules\"");
            ilpMolecules = k.asInt();
            if (setup.fill() == ExperimentSetup.IlpFill.NONE) want = ilpMolecules;
        }
        if (order.length != want) throw new IllegalArgumentException(order.length + " molecules, expected " + want);
        return new Order(order, ilpMolecules, file);
    }

    private Order computeRanking(ExperimentTarget t, ExperimentMethod m, long seed, ObjectNode params, Path file, String label)
            throws IOException {
        MoleculeReps db = databaseReps();
        MoleculeReps target = targetReps(t);
        int n = setup.maxSize();
        long t0 = System.nanoTime();
        ObjectNode json = ReportJson.object();
        json.put("experiment", setup.name());
        json.put("method", m.toString());
        if (m.method().targetDependent()) json.put("target", t.name());
        else json.putNull("target");
        if (m.is(RankingMethod.RANDOM)) json.put("seed", seed);
        json.put("database", setup.databaseFile().toString());
        Order order;
        try {
            if (m.is(RankingMethod.ILP)) {
                Ranking ilp;
                double[] model;
                try (StepListener.Task task = listener.start(progressName(label), " molecules", true)) {
                    IlpProgress progress = new IlpProgress(task);
                    ilp = m.method().ranker(m.ilp(setup.ilp()), seed, progress).rank(db, target, ilpSize());
                    model = progress.model();
                }
                int[] indices = ilp.order();
                if (setup.fill() == ExperimentSetup.IlpFill.SML && ilp.size() < n)
                    indices = ilp.extendedWith(new SmlRanker().rank(db, target, n).order(), n);
                order = new Order(indices, ilp.size(), file);
                json.put("ilp_molecules", ilp.size());
                json.put("fill", setup.fill().toString());
                RankingJson.putOrder(json, indices, setup.database());
                RankingJson.putDetails(json, ilp, model);
            } else {
                Ranking r = m.method().ranker(m.ilp(setup.ilp()), seed, IlpListener.NONE).rank(db, target, n);
                order = new Order(r.order(), -1, file);
                RankingJson.putOrder(json, r.order(), setup.database());
                RankingJson.putDetails(json, r, null);
            }
        } catch (IllegalArgumentException e) {
            throw new ExperimentFailure(label + ": ranking failed: " + e.getMessage(), e);
        }
        if (setup.holdout() != null) {
            // Indices are of the database without the held-out frames; these are the file's frames.
            ArrayNode frames = json.putArray("frames");
            for (int i : order.indices()) frames.add(setup.holdout().databaseFrames()[i]);
        }
        double seconds = secondsSince(t0);
        json.put("seconds", seconds);
        json.set("parameters", params);
        files.write(file, json);
        String ilpText = !m.is(RankingMethod.ILP) ? ""
                : format(", %d by ILP%s", order.ilpMolecules(), order.ilpMolecules() < order.indices().length ? ", the rest by SML" : "");
        note(label, format("ranking computed (%d molecules%s, %.1f s) -> %s", order.indices().length, ilpText, seconds,
                files.relative(file)));
        return order;
    }

    private MoleculeReps databaseReps() {
        if (databaseReps == null) {
            try (StepListener.Task task = listener.start("fchl19 database", " molecules", false)) {
                databaseReps = MoleculeReps.fchl19(setup.database().structures(), setup.representation(), setup.threads(), task);
            }
        }
        return databaseReps;
    }

    private MoleculeReps targetReps(ExperimentTarget t) {
        return targetReps.computeIfAbsent(t, k -> MoleculeReps.fchl19(List.of(k.molecule()), setup.representation(), 1, null));
    }

    // ---- learning curves

    private Run curve(ExperimentTarget t, ExperimentMethod m, long seed, Order order) throws IOException {
        String label = label(t, m, seed);
        Path file = files.curve(t, m, seed);
        int[] sizes = setup.sizes();
        int[] covered = Arrays.stream(sizes).filter(n -> n <= order.indices().length).toArray();
        int used = Arrays.stream(covered).max().orElse(0);
        ObjectNode params = curveParameters(t, m, seed, Arrays.copyOf(order.indices(), used));
        ResultFiles.Stored stored = files.read(file, params, json -> checkCurve(json, covered));
        JsonNode json;
        if (stored.valid()) {
            json = stored.json();
            curvesRead++;
            note(label, "learning curve read back from " + files.relative(file) + " (same parameters)");
        } else {
            if (!stored.missing()) note(label, files.relative(file) + " " + stored.problem() + ": recomputing it");
            json = computeCurve(t, m, seed, order, covered, params, file, label);
            curvesComputed++;
        }
        boolean filled = order.ilpMolecules() >= 0 && used > order.ilpMolecules();
        return new Run(t, m, seed, CurveJson.maeBySize(json.get("points"), sizes), order.ilpMolecules(), filled, file);
    }

    private ObjectNode curveParameters(ExperimentTarget t, ExperimentMethod m, long seed, int[] used) {
        ObjectNode p = ReportJson.object();
        p.put("kind", "curve");
        p.put("method", m.toString());
        if (m.is(RankingMethod.RANDOM)) p.put("seed", seed);
        ArrayNode sz = p.putArray("sizes");
        for (int n : setup.sizes()) sz.add(n);
        putInputs(p, t);
        p.put("energy_key", setup.energyKey());
        p.put("energy_unit", setup.energyUnit().toString());
        KrrJson.putSettings(p, setup.krr());
        p.put("ranking_sha256", Digests.indices(used));
        return p;
    }

    /** IllegalArgumentException unless the stored points are exactly those of the covered sizes. */
    private void checkCurve(JsonNode json, int[] covered) {
        int[] sizes = setup.sizes();
        double[] mae = CurveJson.maeBySize(json.get("points"), sizes);
        for (int i = 0; i < sizes.length; i++) {
            int n = sizes[i];
            boolean wanted = Arrays.stream(covered).anyMatch(c -> c == n);
            if (wanted && Double.isNaN(mae[i])) throw new IllegalArgumentException("no point of size " + n);
            if (!wanted && !Double.isNaN(mae[i])) throw new IllegalArgumentException("a point of size " + n + ", beyond the ranking");
        }
    }

    private JsonNode computeCurve(ExperimentTarget t, ExperimentMethod m, long seed, Order order, int[] covered, ObjectNode params,
                                  Path file, String label) throws IOException {
        long t0 = System.nanoTime();
        List<CurvePoint> points = List.of();
        if (covered.length > 0) {
            MoleculeReps db = databaseReps();
            MoleculeReps target = targetReps(t);
            try (StepListener.Task task = listener.start(progressName(label), " steps", false)) {
                points = t.krr().learningCurve(order.indices(), covered, db, target, setup.threads(), task);
            } catch (IllegalArgumentException e) {
                throw new ExperimentFailure(label + ": learning curve failed: " + e.getMessage(), e);
            }
        }
        double seconds = secondsSince(t0);
        ObjectNode json = ReportJson.object();
        json.put("experiment", setup.name());
        json.put("target", t.name());
        json.put("method", m.toString());
        if (m.is(RankingMethod.RANDOM)) json.put("seed", seed);
        json.put("ranking_file", files.relative(order.file()));
        if (order.ilpMolecules() >= 0) json.put("ilp_molecules", order.ilpMolecules());
        json.put("target_label", t.krr().targetLabel());
        json.put("mae_unit", "kcal/mol");
        CurveJson.putPoints(json.putArray("points"), points, setup.energyUnit());
        json.put("seconds", seconds);
        json.set("parameters", params);
        files.write(file, json);
        String last = points.isEmpty() ? "no size covered by the ranking"
                : format("MAE %.3g kcal/mol at N = %d", setup.energyUnit().toKcalPerMol(points.get(points.size() - 1).absError()),
                points.get(points.size() - 1).size());
        note(label, format("learning curve computed (%s, %.1f s) -> %s", last, seconds, files.relative(file)));
        return json;
    }

    private String progressName(String label) {
        return "[" + step + "/" + setup.runs() + "] " + label;
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
