package io.atomcover.cli;

import io.atomcover.ilpselect.fchl.Fchl19Inputs;
import io.atomcover.ilpselect.api.IlpSelect;
import io.atomcover.ilpselect.api.SelectSettings;
import io.atomcover.ilpselect.api.Selected;
import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.ilpselect.ilp.IlpOptions;
import io.atomcover.ilpselect.ilp.RankingMethod;
import io.atomcover.ilpselect.ilp.Ranking;
import io.atomcover.structure.Dataset;
import io.atomcover.structure.Structure;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
                        + "use a molecule never used before, until N molecules are found or the budget is spent. Molecules "
                        + "are ranked by the objective of the first solution using them. Hydrogens are not mapped.",
                "Reproducible: with CP-SAT the budgets (--budget, --round-budget) count the solver's deterministic time "
                        + "and every solve is a deterministic search with --solver-workers workers and a fixed seed, so the "
                        + "same inputs and options give the same ranking on any machine load and for any --threads. Not "
                        + "reproducible: a wall-clock --time-limit or --round-limit that binds, and --solver scip when a "
                        + "solve hits its time limit.",
                "sml: by distance between summed FCHL19 (all atoms) of molecule and target. fps, cur: farthest-point "
                        + "sampling and CUR leverage selection on the summed FCHL19 (the target plays no part). random: "
                        + "seeded sample.",
                "",
                "TARGET may hold several frames: -t/--target picks one by name (the name= key of the comment line) or by "
                        + "0-based index; it is needed when TARGET holds more than one frame.",
                "",
                "Outputs (-o, repeatable, by extension): OUT.json the report: ranking (database indices, 0-based in file "
                        + "order), names, scores, objective (per ILP solution), solutions (molecules, atom mapping, bounds, "
                        + "candidates K, and wall seconds and deterministic time: since the start when found, and of the solve), "
                        + "deterministic_time (budget used), seconds, parameters; with --pruning-check also pruning_check (per K: "
                        + "candidates, status, objective, bound, pruning_bound, optimal, seconds, deterministic_time, pairs, "
                        + "molecules), pruning_check_stop, pruning_cost (at least), pruning_cost_at_most, pruning_cost_exact and "
                        + "unpruned_bound. OUT.txt the ranking alone, one 0-based database index per line. '-' the JSON on "
                        + "stdout instead of the summary, which lists every ranked molecule with its name.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  atomcover select drugs.extxyz --target sildenafil --database qm7.extxyz -n 64 -o sildenafil-ilp.json",
                "  atomcover select drugs.extxyz --target 1 --database qm7.extxyz -n 64 --solver scip --time-limit 300 -o out.json",
                "  atomcover select drugs.extxyz --target sildenafil --database qm7.extxyz -n 1 --pruning-check --budget 900 -o check.json",
                "  atomcover select drugs.extxyz -t sildenafil -d qm7.extxyz -n 1024 -m sml -o sml.json -o sml.txt",
                "  atomcover select target.xyz --database qm7.extxyz -n 256 --method random --seed 3 -o random.json"})
final class SelectCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "TARGET", description = "Target molecule(s): extended or plain XYZ.")
    Path targetFile;

    @Option(names = {"-d", "--database"}, paramLabel = "DB", required = true,
            description = "Database molecules to rank: extended or plain XYZ (for example QM7).")
    Path databaseFile;

    @Option(names = "-n", paramLabel = "N", description = "Number of molecules to rank, at most the database's. Default: ${DEFAULT-VALUE}.")
    int size = 64;

    @Option(names = {"-m", "--method"}, paramLabel = "METHOD",
            description = "ilp, sml, fps, cur or random. Default: ${DEFAULT-VALUE}.")
    RankingMethod method = RankingMethod.ILP;

    @Option(names = {"-t", "--target"}, paramLabel = "NAME|INDEX",
            description = "Which frame of TARGET: its name= value, or a 0-based index. Needed when TARGET holds several frames.")
    String targetChoice;

    @Mixin
    IlpArguments ilpArgs;

    @Option(names = "--seed", paramLabel = "N", description = "random: seed. Default: ${DEFAULT-VALUE}.")
    long seed = 0;

    @Option(names = "--elements", paramLabel = "Z", split = ",",
            description = "FCHL19 element list (atomic numbers). Default: 1,6,7,8,16.")
    List<Integer> elements = List.of(1, 6, 7, 8, 16);

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true,
            description = "Write the ranking: OUT.json (report), OUT.txt (one 0-based database index per line), '-' (JSON on "
                    + "stdout instead of the summary). Repeat for several outputs; each is replaced atomically.")
    List<Path> outputs;

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
        if (size < 1) throw usage("-n must be at least 1, got " + size);
        ilpArgs.validate(this, false);
        ElementsOption.check(elements, this);
    }

    @Override
    void declareFiles(FilePlan files) {
        files.input(targetFile);
        files.input(databaseFile);
        for (Path o : outputs) files.output("-o", o, OUTPUTS);
    }

    /** What -o accepts: a report, the ranking as text, or the report on stdout. */
    private static final FilePlan.Names OUTPUTS = FilePlan.Names.of(".json", PicksFile.EXTENSION).orStdout();

    @Override
    void run() throws Exception {
        if (method == RankingMethod.ILP && ilpArgs.needsOrTools()) OrToolsCheck.require("select --method ilp --solver " + ilpArgs.solver.name().toLowerCase(java.util.Locale.ROOT));
        long t0 = System.nanoTime();
        Fchl19 rep = Fchl19Inputs.representation(elements);
        Dataset targets = Inputs.readDataset(targetFile, types.options());
        int targetIndex = TargetFrame.choose(this, targetFile, targets, targetChoice, "name");
        Fchl19Inputs.check(targets, rep, 0);
        Dataset db = Inputs.readDataset(databaseFile, types.options());
        if (size > db.size()) throw usage("-n " + size + " is more than the " + db.size() + " molecules of the database " + databaseFile);
        Fchl19Inputs.check(db, rep, 0);
        Structure target = targets.get(targetIndex);
        if (method == RankingMethod.ILP && Arrays.stream(target.atomicNumbers()).allMatch(z -> z == 1))
            throw Fchl19Inputs.frameError(targetFile, targets, targetIndex, 0, "the target has no atom other than hydrogen");

        IlpOptions ilp = ilpArgs.options(common.threads);
        Selected selected;
        try {
            selected = IlpSelect.select(db, target, new SelectSettings(method, size, rep, ilp, seed, common.threads),
                    new ProgressSteps(common.showProgress(), err()));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(targetFile + ": " + e.getMessage());
        }
        Ranking ranking = selected.ranking();
        double seconds = secondsSince(t0);
        SelectReport report = new SelectReport(this, db, targets, targetIndex, ilp);
        var json = report.json(selected, seconds);
        for (Path o : outputs) {
            if (PicksFile.is(o)) PicksFile.write(o, ranking.order());
            else if (!Json.STDOUT.equals(o)) Json.write(o, json, out());
        }
        if (outputs.contains(Json.STDOUT)) {
            Json.write(Json.STDOUT, json, out());
            return;
        }
        out().println(report.summary(ranking, seconds));
        Text.line(out(), "picks", report.picks(ranking));
        if (ranking.pruningCheck() != null) PruningCheckText.lines(ranking.pruningCheck()).forEach(out()::println);
    }
}
