package io.atomcover.jmh;

import io.atomcover.ilpselect.fchl.Fchl19;
import io.atomcover.ilpselect.fchl.MoleculeReps;
import io.atomcover.ilpselect.ilp.IlpOptions;
import io.atomcover.ilpselect.ilp.IlpRanker;
import io.atomcover.ilpselect.ilp.IlpSolution;
import io.atomcover.ilpselect.ilp.Ranking;
import io.atomcover.io.ReadOptions;
import io.atomcover.io.StructureFiles;
import io.atomcover.structure.Dataset;
import io.atomcover.structure.Structure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long does the ILP ranking of {@code select -n SIZE --penalty PENALTY} take for one drug target
 * against QM7, with the default solver (the branch and bound) and K = 80? The FCHL19 of database and
 * target are computed once in the setup (about 2 s); the timed call is the ranking itself: distances,
 * candidates and every molecule's solve. One run is seconds to minutes, so it is a single shot.
 * Needs QM7 and {@code drugs.extxyz} beside it (found as {@link BenchmarkData#QM7} is), or
 * {@code -p targets=PATH}. Notes the molecules ranked, whether every solution was proven optimal
 * and the first objective at the end of the trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1)
public class IlpBenchmark {
    /** Name of the target frame in the targets file. */
    @Param({"sildenafil"})
    public String target;

    /** Molecules to rank (-n). */
    @Param({"64"})
    public int size;

    /** λ (--penalty). */
    @Param({"1"})
    public double penalty;

    /** The targets file; empty: drugs.extxyz beside QM7. */
    @Param({""})
    public String targets;

    private MoleculeReps database;
    private MoleculeReps targetReps;
    private IlpOptions options;
    private Ranking last;

    @Setup(Level.Trial)
    public void setUp() {
        Path qm7 = BenchmarkData.find(BenchmarkData.QM7);
        if (qm7 == null) throw new IllegalStateException("QM7 not found: pass -jvmArgsAppend -Datomcover.qm7=PATH");
        Path file = targets.isEmpty() ? qm7.resolveSibling("drugs.extxyz") : Path.of(targets);
        if (!Files.isRegularFile(file)) throw new IllegalStateException("targets file not found: " + file + " (pass -p targets=PATH)");
        Dataset all = StructureFiles.read(file, ReadOptions.DEFAULT);
        Structure chosen = all.structures().stream().filter(s -> target.equals(s.info().get("name"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no frame named " + target + " in " + file));
        int threads = Runtime.getRuntime().availableProcessors();
        database = MoleculeReps.fchl19(BenchmarkData.read(BenchmarkData.QM7).structures(), Fchl19.defaults(), threads, null);
        targetReps = MoleculeReps.fchl19(java.util.List.of(chosen), Fchl19.defaults(), threads, null);
        options = IlpOptions.defaults().withPenalty(penalty).withThreads(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (last == null) return;
        TrialNotes.note("ranked", last.size());
        TrialNotes.note("all_optimal", last.solutions().stream().allMatch(IlpSolution::optimal) ? 1 : 0);
        TrialNotes.note("first_objective", last.solutions().isEmpty() ? Double.NaN : last.solutions().get(0).objective());
    }

    @Benchmark
    public Ranking rank() {
        return last = new IlpRanker(options).rank(database, targetReps, size);
    }
}
