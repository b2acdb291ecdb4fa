package io.atomcover.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.descriptor.Fchl19;
import io.atomcover.ilp.CurRanker;
import io.atomcover.ilp.FpsRanker;
import io.atomcover.ilp.IlpListener;
import io.atomcover.ilp.IlpOptions;
import io.atomcover.ilp.IlpRanker;
import io.atomcover.ilp.IlpSolution;
import io.atomcover.ilp.IlpSolver;
import io.atomcover.ilp.MoleculeReps;
import io.atomcover.ilp.RandomRanker;
import io.atomcover.ilp.Ranker;
import io.atomcover.ilp.Ranking;
import io.atomcover.ilp.SmlRanker;
import io.atomcover.io.Dataset;
import io.atomcover.io.InputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atomcover select}: target-tailored training-set selection (ILPSelect and baselines). */
@Command(name = "select",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Rank database molecules as training data for one target molecule (ILPSelect, SML, FPS, CUR, random).",
        description = {
                "Computes FCHL19 for the target and every database molecule and ranks the database.",
                "",
                "ilp (default): maps every heavy atom of the target onto an atom of the same element in some database "
                        + "molecule, minimising sum |rep_i - rep_j|^2 + penalty * (sum of the sizes of the used molecules - "
                        + "target heavy atoms), with OR-Tools (CP-SAT, or SCIP). After each solution, every later one must "
                        + "use a molecule never used before, until N molecules are found or the time limit is hit. Molecules "
                        + "are ranked by the objective of the first solution using them. Hydrogens are not mapped.",
                "sml: by distance between summed FCHL19 (all atoms) of molecule and target. fps, cur: farthest-point "
                        + "sampling and CUR leverage selection on the summed FCHL19 (the target plays no part). random: "
                        + "seeded sample.",
                "",
                "TARGET may hold several frames: --target picks one by name (the name= key of the comment line) or by "
                        + "0-based index; default the first frame.",
                "",
                "Output (JSON): ranking (database indices, 0-based in file order), names, scores, objective (per ILP "
                        + "solution), solutions (molecules and atom mapping per solution, bounds), seconds, parameters.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  atomcover select drugs.extxyz --target sildenafil --database qm7.extxyz -n 64 -o sildenafil-ilp.json",
                "  atomcover select drugs.extxyz --target 1 --database qm7.extxyz -n 64 --solver scip --time-limit 300 -o out.json",
                "  atomcover select drugs.extxyz --database qm7.extxyz -n 1024 --method sml -o sml.json",
                "  atomcover select target.xyz --database qm7.extxyz -n 256 --method random --seed 3 -o random.json"})
final class SelectCommand extends BaseCommand {
    /** Ranking methods. */
    enum Method { ILP, SML, FPS, CUR, RANDOM }

    @Parameters(index = "0", paramLabel = "TARGET", description = "Target molecule(s): extended or plain XYZ.")
    Path targetFile;

    @Option(names = {"-d", "--database"}, paramLabel = "DB", required = true,
            description = "Database molecules to rank: extended or plain XYZ (for example QM7).")
    Path databaseFile;

    @Option(names = "-n", paramLabel = "N", description = "Number of molecules to rank. Default: ${DEFAULT-VALUE}.")
    int size = 64;

    @Option(names = {"-m", "--method"}, paramLabel = "METHOD",
            description = "ilp, sml, fps, cur or random. Default: ${DEFAULT-VALUE}.")
    Method method = Method.ILP;

    @Option(names = {"-t", "--target"}, paramLabel = "NAME|INDEX",
            description = "Which frame of TARGET: its name= value, or a 0-based index. Default: the first frame.")
    String targetChoice;

    @Option(names = "--penalty", paramLabel = "LAMBDA",
            description = "ILP: penalty per database atom of a used molecule beyond the target's heavy-atom count. Default: ${DEFAULT-VALUE}.")
    double penalty = 1.0;

    @Option(names = "--solver", paramLabel = "SOLVER", description = "ILP: cpsat or scip. Default: ${DEFAULT-VALUE}.")
    IlpSolver solver = IlpSolver.CPSAT;

    @Option(names = "--candidates", paramLabel = "K",
            description = "ILP: each target atom keeps its K nearest database atoms of the same element as mapping "
                    + "candidates (0: all). Default: ${DEFAULT-VALUE}.")
    int candidates = IlpOptions.DEFAULT_CANDIDATES;

    @Option(names = "--whole-molecules", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "ILP: molecules holding a candidate also bring the pairs of their best whole-molecule mapping "
                    + "onto the target (an assignment problem per molecule). Default: on.")
    boolean wholeMolecules;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "ILP: limit on the whole enumeration. Default: ${DEFAULT-VALUE}.")
    double timeLimit = 600;

    @Option(names = "--round-limit", paramLabel = "SECONDS",
            description = "ILP: limit on one solve; when hit, the best solution so far is taken (not proven optimal). Default: ${DEFAULT-VALUE}.")
    double roundLimit = 20;

    @Option(names = "--count-hydrogens",
            description = "ILP: molecule sizes in the penalty count all atoms, hydrogens included (as the ILPSelect "
                    + "reference code); default: heavy atoms only.")
    boolean countHydrogens;

    @Option(names = "--resolution", paramLabel = "R",
            description = "ILP with CP-SAT: squared distances are rounded to multiples of R. Default: ${DEFAULT-VALUE}.")
    double resolution = IlpOptions.DEFAULT_RESOLUTION;

    @Option(names = "--seed", paramLabel = "N", description = "random: seed. Default: ${DEFAULT-VALUE}.")
    long seed = 0;

    @Option(names = "--elements", paramLabel = "Z", split = ",",
            description = "FCHL19 element list (atomic numbers). Default: 1,6,7,8,16.")
    List<Integer> elements = List.of(1, 6, 7, 8, 16);

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.json", required = true,
            description = "Where to write the JSON report (replaced atomically); - for stdout.")
    Path output;

    @Mixin
    CommonOptions common;

    /** ILP model size: candidate pairs, molecules, pruning bound (null for the baselines). */
    private double[] model;

    @Override
    CommonOptions common() {
        return common;
    }

    @Override
    void validate() {
        if (size < 1) throw usage("-n must be at least 1, got " + size);
        if (!(penalty >= 0) || Double.isInfinite(penalty)) throw usage("--penalty must be a finite number >= 0, got " + penalty);
        if (candidates < 0) throw usage("--candidates must be >= 0, got " + candidates);
        if (!(timeLimit > 0) || Double.isInfinite(timeLimit)) throw usage("--time-limit must be a positive number of seconds, got " + timeLimit);
        if (!(roundLimit > 0) || Double.isInfinite(roundLimit)) throw usage("--round-limit must be a positive number of seconds, got " + roundLimit);
        if (!(resolution > 0) || Double.isInfinite(resolution)) throw usage("--resolution must be positive, got " + resolution);
        Fchl19Inputs.checkElements(elements, this);
    }

    @Override
    void run() throws Exception {
        long t0 = System.nanoTime();
        checkWritable(output);
        Fchl19 rep = Fchl19Inputs.representation(elements);
        Dataset targets = Inputs.readDataset(targetFile);
        int targetIndex = chooseTarget(targets);
        Dataset targetOnly = new Dataset(targets.source(), List.of(targets.get(targetIndex)));
        Fchl19Inputs.check(targets, rep, 0);
        Dataset db = Inputs.readDataset(databaseFile);
        if (size > db.size()) throw new CliFailure(databaseFile + ": -n " + size + " is more than the " + db.size() + " molecules of the database");
        MoleculeReps database = Fchl19Inputs.compute(db, rep, common);
        MoleculeReps target = MoleculeReps.fchl19(targetOnly.structures(), rep, 1, null);
        if (method == Method.ILP && target.heavyAtoms(0) == 0)
            throw new InputException(targetFile, Fchl19Inputs.frameLine(targets, targetIndex), "the target has no atom other than hydrogen");

        IlpOptions ilp = new IlpOptions(penalty, solver, candidates, timeLimit, resolution, common.threads, countHydrogens,
                wholeMolecules, roundLimit);
        Ranking ranking;
        try (Progress bar = Progress.start(method.name().toLowerCase(Locale.ROOT), " molecules", common.showProgress(), System.err)) {
            Ranker ranker = switch (method) {
                case ILP -> new IlpRanker(ilp, new IlpListener() {
                    @Override
                    public void modelBuilt(int pairs, int molecules, double pruningBound) {
                        model = new double[] {pairs, molecules, pruningBound};
                    }

                    @Override
                    public void solution(IlpSolution s, int found, int wanted) {
                        bar.progress(Math.min(found, wanted), wanted);
                        bar.message(Text.format("objective %.4f gap %.2f%% %.0f s", s.objective(), 100 * s.gap(), s.seconds()));
                    }
                });
                case SML -> new SmlRanker();
                case FPS -> new FpsRanker();
                case CUR -> new CurRanker();
                case RANDOM -> new RandomRanker(seed);
            };
            try {
                ranking = ranker.rank(database, target, size);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(targetFile + ": " + e.getMessage());
            }
        }
        double seconds = secondsSince(t0);
        Json.write(output, report(ranking, db, targets, targetIndex, ilp, seconds), out());
        if (!Json.STDOUT.equals(output))
            out().println(Text.format("%s: %d of %d molecules ranked for %s (%s, %s), %.1f s -> %s", method.name().toLowerCase(Locale.ROOT),
                    ranking.size(), size, targetLabel(targets, targetIndex), stopText(ranking.stop()), databaseFile, seconds, output));
    }

    private int chooseTarget(Dataset targets) {
        if (targetChoice == null) return 0;
        if (targetChoice.matches("\\d+")) {
            int index = Integer.parseInt(targetChoice);
            if (index >= targets.size())
                throw new CliFailure(targetFile + ": --target " + index + " is out of range: the file has " + targets.size() + " frames");
            return index;
        }
        for (int s = 0; s < targets.size(); s++)
            if (targetChoice.equals(targets.get(s).info().get("name"))) return s;
        throw new CliFailure(targetFile + ": no frame named " + targetChoice);
    }

    private static String targetLabel(Dataset targets, int index) {
        String name = targets.get(index).info().get("name");
        return name != null ? name : "frame " + index;
    }

    private static String stopText(Ranking.Stop stop) {
        return switch (stop) {
            case SIZE_REACHED -> "complete";
            case TIME_LIMIT -> "time limit reached";
            case EXHAUSTED -> "no further molecule can be mapped";
        };
    }

    private ObjectNode report(Ranking r, Dataset db, Dataset targets, int targetIndex, IlpOptions ilp, double seconds) {
        ObjectNode root = Json.object();
        root.put("method", r.method());
        ObjectNode target = root.putObject("target");
        target.put("file", targetFile.toString());
        target.put("index", targetIndex);
        String name = targets.get(targetIndex).info().get("name");
        if (name != null) target.put("name", name);
        else target.putNull("name");
        root.put("database", databaseFile.toString());
        root.put("databaseSize", db.size());
        ArrayNode ranking = root.putArray("ranking");
        ArrayNode names = root.putArray("names");
        for (int m : r.order()) {
            ranking.add(m);
            String n = db.get(m).info().get("name");
            if (n != null) names.add(n);
            else names.addNull();
        }
        double[] scores = r.scores();
        if (scores == null) {
            root.putNull("scores");
        } else {
            ArrayNode a = root.putArray("scores");
            for (double v : scores) a.add(v);
        }
        root.put("complete", r.stop() == Ranking.Stop.SIZE_REACHED);
        root.put("stop", r.stop().name().toLowerCase(Locale.ROOT));
        ArrayNode objective = root.putArray("objective");
        ArrayNode solutions = root.putArray("solutions");
        for (IlpSolution s : r.solutions()) {
            objective.add(s.objective());
            ObjectNode o = solutions.addObject();
            ArrayNode mols = o.putArray("molecules");
            for (int m : s.molecules()) mols.add(m);
            ArrayNode fresh = o.putArray("newMolecules");
            for (int m : s.newMolecules()) fresh.add(m);
            o.put("objective", s.objective());
            o.put("distanceTerm", s.distanceTerm());
            o.put("penaltyTerm", s.objective() - s.distanceTerm());
            Json.putFinite(o, "bound", s.bound());
            Json.putFinite(o, "lowerBound", s.lowerBound());
            Json.putFinite(o, "gap", s.gap());
            o.put("optimal", s.optimal());
            o.put("seconds", s.seconds());
            ArrayNode mapping = o.putArray("mapping");
            for (int k = 0; k < s.targetAtoms().length; k++) {
                ObjectNode e = mapping.addObject();
                e.put("targetAtom", s.targetAtoms()[k]);
                e.put("molecule", s.mappedMolecule()[k]);
                e.put("atom", s.mappedAtom()[k]);
                e.put("squaredDistance", s.squaredDistance()[k]);
            }
        }
        if (model != null) {
            ObjectNode m = root.putObject("model");
            m.put("pairs", (long) model[0]);
            m.put("molecules", (long) model[1]);
            Json.putFinite(m, "pruningBound", model[2]);
        }
        root.put("rankingSeconds", r.seconds());
        root.put("seconds", seconds);
        ObjectNode p = root.putObject("parameters");
        p.put("n", size);
        p.put("method", method.name().toLowerCase(Locale.ROOT));
        ArrayNode el = p.putArray("elements");
        elements.forEach(el::add);
        p.put("threads", common.threads);
        if (method == Method.ILP) {
            p.put("penalty", ilp.penalty());
            p.put("solver", ilp.solver().name().toLowerCase(Locale.ROOT));
            p.put("candidates", ilp.candidates());
            p.put("wholeMolecules", ilp.wholeMolecules());
            p.put("timeLimit", ilp.timeLimitSeconds());
            p.put("roundLimit", ilp.roundLimitSeconds());
            p.put("countHydrogens", ilp.countHydrogens());
            p.put("resolution", ilp.resolution());
        }
        if (method == Method.RANDOM) p.put("seed", seed);
        return root;
    }
}
