package io.atomcover.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code atomcover} command: dispatches to one subcommand per task. */
@Command(name = "atomcover",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {
                "Information-theoretic analysis of atomistic datasets: QUESTS descriptors of every atomic "
                        + "environment, and kernel-density entropy, diversity, differential entropy (dH) and "
                        + "overlap between datasets; compression of datasets to their most informative structures "
                        + "(greedy minimum set cover) and comparison with baseline selections.",
                "",
                "Input: extended XYZ (ASE dialect) or plain XYZ files, and descriptor matrices in NumPy format where noted."},
        subcommands = {
                DescriptorsCommand.class,
                EntropyCommand.class,
                OverlapCommand.class,
                DhCommand.class,
                DhTrajCommand.class,
                BandwidthCommand.class,
                EntropyCurveCommand.class,
                McmcCommand.class,
                ActiveLearningCommand.class,
                CompressCommand.class,
                CompareCommand.class,
                SelectCommand.class,
                LearningCurveCommand.class,
                ExperimentCommand.class,
                BenchCommand.class,
                DevicesCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
                "  atomcover entropy examples/mlearn-si/Si-train.extxyz",
                "  atomcover descriptors examples/mlearn-si/Si-train.extxyz -o si.npy",
                "  atomcover entropy si.npy -b 0.02",
                "  cd examples/mlearn-si && atomcover overlap Si-test.extxyz Si-train.extxyz",
                "  atomcover dh-traj md.extxyz -o novelty.json",
                "  atomcover entropy-curve examples/mlearn-si/Si-train.extxyz -o curve.json --plot curve.png",
                "  atomcover compress examples/mlearn-si/Si-train.extxyz -s 0.1 -o si-10.json",
                "  atomcover compare examples/mlearn-si/Si-train.extxyz -s 0.1,0.25,0.5 --plot si-compare.png",
                "  atomcover select drugs.extxyz --target sildenafil --database qm7.extxyz -n 64 -o sildenafil.json",
                "  atomcover experiment drugs --targets drugs.extxyz --database qm7.extxyz -o results",
                "  atomcover bench",
                "  atomcover devices",
                "",
                "Run 'atomcover COMMAND --help' for the options of a command.",
                "Exit status: 0 success, 1 bad input or I/O error, 2 bad usage."})
public final class AtomcoverCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
