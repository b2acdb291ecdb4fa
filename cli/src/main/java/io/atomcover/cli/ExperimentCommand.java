package io.atomcover.cli;

import io.atomcover.ilpselect.fchl.Fchl19Inputs;
import io.atomcover.ilpselect.api.ExperimentResult;
import io.atomcover.ilpselect.api.IlpSelect;
import io.atomcover.ilpselect.experiment.Digests;
import io.atomcover.ilpselect.experiment.ExperimentFailure;
import io.atomcover.ilpselect.experiment.ExperimentMethod;
import io.atomcover.ilpselect.experiment.Holdout;
import io.atomcover.ilpselect.experiment.ExperimentSetup;
import io.atomcover.ilpselect.experiment.ExperimentTarget;
import io.atomcover.ilpselect.experiment.ExperimentTargets;
import io.atomcover.ilpselect.experiment.ResultFiles;
import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.ilpselect.ilp.IlpSolver;
import io.atomcover.ilpselect.ilp.RankingMethod;
import io.atomcover.ilpselect.krr.Energies;
import io.atomcover.structure.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atomcover experiment}: every ranking method for every target of a set, learning curves, averages. */
@Command(name = "experiment",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "The ILPSelect experiment: rank a database for each target with every method, learn, average the curves.",
        description = {
                "For each target of --targets and each method (ilp, sml, fps, cur, random; see 'atomcover select "
                        + "--help'), ranks the molecules of --database as training data, computes the KRR learning curve "
                        + "of the target's energy on the first N molecules of the ranking for every N of --sizes (as "
                        + "'atomcover learning-curve'), and averages the curves over the targets: mean and population "
                        + "standard deviation of the MAE (kcal/mol) at each N. random runs with --seeds seeds and each "
                        + "target counts with its mean over them; fps, cur and random do not depend on the target, so "
                        + "their rankings are made once and shared.",
                "",
                "EXPERIMENT names the set: drugs (ten drug molecules, e.g. drugs.extxyz) or qm9star (ten QM9* "
                        + "molecules, qm9star.extxyz), both against a QM7 database as in ILPSelect, or qm7: held-out "
                        + "QM7 targets. drugs and qm9star only choose the output folder OUT/drugs or OUT/qm9star and the "
                        + "titles: every default is the same for both. qm7 takes no --targets: --holdout molecules of "
                        + "the database, a random sample drawn with --seed, are the targets, and every ranking and "
                        + "learning curve uses the database without them (no ranking holds a target, none is trained "
                        + "on); the ranking files list the file's frame of each molecule under \"frames\". With --target "
                        + "NAME|INDEX,... the held-out targets are those frames of the database instead (e.g. the ten "
                        + "QM7 targets of the ILPSelect paper).",
                "",
                "ILP and long rankings: the ILP ranks its first --ilp-n molecules (or fewer, when --budget or "
                        + "--time-limit stops it). With --ilp-fill sml its ranking is completed with the target's SML "
                        + "ranking, skipping molecules already picked, up to the largest size: the ilp curve is then "
                        + "pure ILP up to where the ILP stopped and ILP-then-SML beyond (its label says so, and "
                        + "curves.json marks the method \"filled\": true). --ilp-fill none keeps the ILP ranking as it "
                        + "is, and the ilp curve stops at the largest size it covers. By default --ilp-n is the largest "
                        + "size with a solver made for long rankings, else " + ExperimentCommand.SHORT_ILP_N + "; --ilp-fill "
                        + "is none when --ilp-n reaches the largest size (real ILP curves), else sml.",
                "",
                "--penalty 0,1 runs the ILP with each penalty as its own method: labels ilp (λ=0), ilp (λ=1), "
                        + "files TARGET-ilp-p0.json, TARGET-ilp-p1.json. A single penalty keeps the names ilp and "
                        + "TARGET-ilp.json.",
                "",
                "--reference-curves DIR compares with ILPSelect's published curves: for every target and method "
                        + "with a file there (algo_FCHL_qm7_TARGET_LAMBDA.npz for the ILP, sml_FCHL_qm7_TARGET.npz, "
                        + "fps_, cur_, random_), our MAE, the paper's and the difference at each N go to curves.json "
                        + "and the table, and the plot draws the paper's curves (their mean over the targets that have "
                        + "one) dashed.",
                "",
                "Output, under OUT/EXPERIMENT: rankings/TARGET-METHOD.json (rankings/METHOD.json for the shared "
                        + "ones, random-seedS for random), curves/TARGET-METHOD.json (one learning curve each, as "
                        + "learning-curve writes its points), curves.json (the averages, and every target's value) and "
                        + "curves.png or .svg (log-log plot of the means). The table of means is printed on stdout.",
                "",
                "Resuming: every ranking and curve is written (atomically) as soon as it is done. A new run reads "
                        + "back every file that is there, parses, and was made with the same parameters (inputs by "
                        + "content, methods, ILP and KRR settings, sizes), and says so on stderr; it recomputes and "
                        + "replaces every other one, also saying why (missing, not valid JSON, other parameters). "
                        + "Interrupt a run at any time and start it again with the same options to go on. --threads "
                        + "does not count as a parameter. A folder holds one configuration: results made with other "
                        + "parameters are replaced, so give each configuration its own -o.",
                "",
                "Progress: one line per step on stderr (step, target, method, what was done, elapsed time), and "
                        + "progress bars when in a terminal (--progress).",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  atomcover experiment drugs --targets drugs.extxyz --database qm7.extxyz -o results",
                "  atomcover experiment qm9star --targets qm9star.extxyz --database qm7.extxyz -o results \\",
                "      --methods sml,fps,random --sizes 16,32,64,128 --seeds 5",
                "  atomcover experiment drugs --targets drugs.extxyz --database qm7.extxyz -o results \\",
                "      --target sildenafil,penicillin --ilp-n 128 --budget 1800 --plot svg",
                "  atomcover experiment qm7 -d qm7.extxyz -o results --holdout 10 --seed 1 --penalty 0,1"})
final class ExperimentCommand extends BaseCommand {
    /** The sets of targets of the ILPSelect paper. */
    enum Name {
        DRUGS, QM9STAR, QM7;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Plot file format, or none. */
    enum PlotFormat {
        PNG, SVG, NONE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** --ilp-n by default with a solver not in {@link #LONG_RANKING_SOLVERS}. */
    static final int SHORT_ILP_N = 64;

    /**
     * Solvers fast enough to rank to the largest size (1024 in the paper) per target: with them
     * --ilp-n defaults to the largest size, so that the ILP curves are ILP at every size: the branch
     * and bound (docs/benchmarks.md); the CP-SAT and SCIP enumerations are not.
     */
    static final Set<IlpSolver> LONG_RANKING_SOLVERS = EnumSet.of(IlpSolver.BNB);

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "drugs, qm9star or qm7 (held-out QM7 targets; see above).")
    Name name;

    @Option(names = "--targets", paramLabel = "FILE",
            description = "Target molecules with total energies (extended XYZ, e.g. drugs.extxyz or qm9star.extxyz); every frame is a target unless --target chooses. Required, except for qm7, which takes none.")
    Path targetsFile;

    @Option(names = "--holdout", paramLabel = "N",
            description = "qm7: molecules of the database held out as targets, drawn at random with --seed. Default: ${DEFAULT-VALUE}.")
    int holdout = 10;

    @Option(names = {"-d", "--database"}, required = true, paramLabel = "DB",
            description = "Database molecules with total energies to rank and learn from (e.g. qm7.extxyz).")
    Path databaseFile;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Folder for the results; they go to DIR/EXPERIMENT, created when missing. Default: the current folder.")
    Path outputDir = Path.of(".");

    @Option(names = {"-t", "--target"}, split = ",", paramLabel = "NAME|INDEX",
            description = "Only these targets: name= values or 0-based frame indices, comma-separated (qm7: frames of "
                    + "the database to hold out, instead of a random sample). Default: all.")
    List<String> targetChoices;

    @Option(names = {"-m", "--methods"}, split = ",", paramLabel = "METHOD",
            description = "Ranking methods, comma-separated: ilp, sml, fps, cur, random. Default: all five.")
    List<RankingMethod> methods = List.of(RankingMethod.values());

    @Mixin
    KrrArguments krrArgs;

    @Option(names = "--ilp-n", paramLabel = "N",
            description = "ILP: molecules ranked by the ILP itself (see above). Default: the largest size with a solver "
                    + "made for long rankings, else " + SHORT_ILP_N + ".")
    Integer ilpN;

    @Option(names = "--ilp-fill", paramLabel = "sml|none",
            description = "ILP: complete a ranking shorter than the largest size with the target's SML ranking, or not. "
                    + "Default: none when --ilp-n reaches the largest size, else sml.")
    ExperimentSetup.IlpFill fill;

    @Mixin
    IlpArguments ilpArgs;

    @Option(names = "--seeds", paramLabel = "N", description = "random: number of random rankings (seeds S, S+1, ...), the same for every target; each target "
                    + "counts with the mean of their curves. Default: ${DEFAULT-VALUE}.")
    int seedCount = 3;

    @Option(names = "--seed", paramLabel = "S", description = "random: first seed; the others follow (S, S+1, ...). qm7: also the "
            + "seed of the held-out sample. Default: ${DEFAULT-VALUE}.")
    long firstSeed = 0;

    @Option(names = "--elements", paramLabel = "Z", split = ",",
            description = "FCHL19 element list (atomic numbers), for rankings and kernels. Default: 1,6,7,8,16.")
    List<Integer> elements = List.of(1, 6, 7, 8, 16);

    @Option(names = "--reference-curves", paramLabel = "DIR",
            description = "Folder of ILPSelect's published learning curves (.npz) to compare with (see above). Default: none.")
    Path referenceCurves;

    @Option(names = "--plot", paramLabel = "png|svg|none", description = "Format of the plot of the averaged curves. Default: ${DEFAULT-VALUE}.")
    PlotFormat plot = PlotFormat.PNG;

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
        krrArgs.validate(this);
        ilpArgs.validate(this, true);
        if (name == Name.QM7) {
            if (targetsFile != null) throw usage("qm7 takes no --targets: its targets are --holdout molecules of the database");
            if (holdout < 1) throw usage("--holdout must be at least 1, got " + holdout);
        } else if (targetsFile == null) {
            throw usage(name + " needs --targets FILE");
        }
        ElementsOption.check(elements, this);
        if (methods.isEmpty()) throw usage("--methods is empty");
        if (new HashSet<>(methods).size() != methods.size()) throw usage("--methods lists a method twice: " + methods);
        if (ilpN != null && ilpN < 1) throw usage("--ilp-n must be at least 1, got " + ilpN);
        if (seedCount < 1) throw usage("--seeds must be at least 1, got " + seedCount);
    }

    /** The experiment's folder, OUT/EXPERIMENT. */
    private Path folder() {
        return outputDir.resolve(name.toString());
    }

    @Override
    void declareFiles(FilePlan files) {
        if (targetsFile != null) files.input(targetsFile);
        files.input(databaseFile);
        if (referenceCurves != null) files.input(referenceCurves);
        ResultFiles results = new ResultFiles(folder());
        String why = "-o " + outputDir;
        // Every ranking and curve file is named after a target or method, and any of them may be replaced.
        files.outputFolder(why, results.rankingsFolder());
        files.outputFolder(why, results.curvesFolder());
        files.derivedOutput(why, results.averages());
        if (plot != PlotFormat.NONE) files.derivedOutput(why, results.plot(plot.toString()));
    }

    @Override
    void run() throws Exception {
        if (methods.contains(RankingMethod.ILP) && ilpArgs.needsOrTools()) OrToolsCheck.require("experiment --methods ilp");
        if (referenceCurves != null && !Files.isDirectory(referenceCurves))
            throw new CliFailure(referenceCurves + ": not a folder (--reference-curves)");
        long t0 = System.nanoTime();
        Fchl19 rep = Fchl19Inputs.representation(elements);
        Dataset file = Inputs.readDataset(databaseFile, types.options());
        Fchl19Inputs.check(file, rep, 0);
        double[] fileEnergies = Energies.all(file, krrArgs.energyKey);
        Holdout held = null;
        Dataset db = file;
        double[] energies = fileEnergies;
        Dataset targetSet;
        List<Integer> chosen;
        Path targetsPath;
        if (name == Name.QM7) {
            if (targetChoices == null && holdout >= file.size())
                throw new CliFailure(databaseFile + ": --holdout " + holdout + " leaves no database (it has " + file.size() + " molecules)");
            int[] picked = targetChoices == null ? null : chosenFrames(file).stream().mapToInt(Integer::intValue).toArray();
            if (picked != null && picked.length >= file.size())
                throw new CliFailure(databaseFile + ": --target holds out all " + file.size() + " molecules; one must stay");
            held = picked != null ? Holdout.of(file.size(), picked) : Holdout.draw(file.size(), holdout, firstSeed);
            db = held.database(file);
            energies = held.databaseValues(fileEnergies);
            targetSet = file;
            chosen = Arrays.stream(held.targets()).boxed().toList();
            targetsPath = databaseFile;
        } else {
            targetSet = Inputs.readDataset(targetsFile, types.options());
            chosen = chosenFrames(targetSet);
            targetsPath = targetsFile;
        }
        int nMax = krrArgs.maxSize();
        if (nMax > db.size())
            throw new CliFailure(databaseFile + ": --sizes asks for " + nMax + " molecules, the database has " + db.size()
                    + (held != null ? " without the " + holdout + " held out" : ""));
        List<ExperimentTarget> targets = ExperimentTargets.of(targetsPath, targetSet, chosen, db, energies,
                krrArgs.energyKey, krrArgs.nameKey, krrArgs.settings(), rep, methods.contains(RankingMethod.ILP));
        int ilpMolecules = ilpN != null ? ilpN : LONG_RANKING_SOLVERS.contains(ilpArgs.solver) ? nMax : SHORT_ILP_N;
        ExperimentSetup.IlpFill ilpFill = fill != null ? fill
                : ilpMolecules >= nMax ? ExperimentSetup.IlpFill.NONE : ExperimentSetup.IlpFill.SML;

        Path folder = folder();
        if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) throw new CliFailure(outputDir + ": not a folder");
        if (Files.exists(folder) && !Files.isDirectory(folder)) throw new CliFailure(folder + ": not a folder");
        ResultFiles files = new ResultFiles(folder);
        long[] seeds = new long[seedCount];
        for (int i = 0; i < seedCount; i++) seeds[i] = firstSeed + i;
        ExperimentSetup setup = new ExperimentSetup(name.toString(), files, databaseFile, db, Digests.file(databaseFile), held,
                targetsPath, targets, ExperimentMethod.expand(methods, ilpArgs.penalties()), seeds, krrArgs.sizes.clone(),
                ilpMolecules, ilpFill, ilpArgs.options(common.threads), List.copyOf(elements), rep, krrArgs.settings(),
                krrArgs.energyKey, krrArgs.energyUnit, common.threads, referenceCurves);

        err().println(Text.format("experiment %s: %d target%s x %s = %d learning curves, sizes %s -> %s", name, targets.size(),
                targets.size() == 1 ? "" : "s", methodsText(setup), setup.runs(),
                Arrays.stream(setup.sizes()).mapToObj(Integer::toString).collect(Collectors.joining(",")), folder));
        err().flush();
        ExperimentResult result;
        try {
            result = IlpSelect.experiment(setup, new ProgressSteps(common.showProgress(), err()), t0);
        } catch (ExperimentFailure e) {
            throw new CliFailure(e.getMessage());
        }
        // After the report, before the table: see writePlot.
        Path plotFile = plot == PlotFormat.NONE ? null : files.plot(plot.toString());
        String title = name + ": mean MAE over " + targets.size() + (targets.size() == 1 ? " target" : " targets");
        String yTitle = targets.size() == 1 ? "MAE (kcal/mol)" : "MAE (kcal/mol), mean ± std over targets";
        boolean plotted = plotFile != null && writePlot(plotFile, () -> CurvePlot.writePaperStyle(plotFile, title, yTitle,
                ExperimentTable.lines(setup.sizes(), result.curves(), result.comparisons())));

        ExperimentTable.printSummary(out(), setup, result, plotted ? plotFile : null);
    }

    private String methodsText(ExperimentSetup setup) {
        return setup.methods().stream().map(m -> m.is(RankingMethod.RANDOM) ? "random (" + seedCount + " seeds)" : m.label())
                .collect(Collectors.joining(", "));
    }

    /** The frames --target chooses (every frame without it), in its order. */
    private List<Integer> chosenFrames(Dataset set) {
        List<Integer> chosen = new ArrayList<>();
        if (targetChoices == null) {
            for (int i = 0; i < set.size(); i++) chosen.add(i);
            return chosen;
        }
        for (String c : targetChoices) {
            int i = frameOf(set, c);
            if (chosen.contains(i)) throw usage("--target lists " + c + " twice");
            chosen.add(i);
        }
        return chosen;
    }

    private int frameOf(Dataset set, String choice) {
        for (int i = 0; i < set.size(); i++)
            if (choice.equals(set.get(i).info().get(krrArgs.nameKey))) return i;
        if (choice.matches("\\d+")) {
            int i = Integer.parseInt(choice);
            if (i < set.size()) return i;
            throw usage("--target " + choice + ": " + framesFile() + " holds " + set.size() + " frames");
        }
        throw usage("--target " + choice + ": no frame of " + framesFile() + " has " + krrArgs.nameKey + "=" + choice);
    }

    /** The file --target chooses frames of: the targets file, or the database for qm7. */
    private Path framesFile() {
        return targetsFile != null ? targetsFile : databaseFile;
    }
}
