package io.fleetlab.app;

import io.fleetlab.app.owner.OwnerCommand;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.simulator.cli.SimulateCommand;
import io.fleetlab.simulator.report.ToolVersion;
import io.fleetlab.simulator.scenario.ScenarioVocabulary;
import io.fleetlab.simulator.study.RingStudyCommand;
import io.fleetlab.viewer.export.ExportCharts;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fleetlab <subcommand>}: the one command over the simulator, the ring, the viewer and a real node. */
@Command(name = "fleetlab", mixinStandardHelpOptions = true, versionProvider = Fleetlab.Version.class,
        description = "Alloy-style clustering: simulate a fleet, study the ring, find a target's owner, draw and view results, run a node.",
        synopsisSubcommandLabel = "COMMAND")
public final class Fleetlab implements Runnable {
    /** Held so the level set on it is not lost to garbage collection. */
    private static final Logger CORE_LOG = Logger.getLogger("io.fleetlab");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. fleetlab simulate scale-out.json");
    }

    /** The command with every subcommand, writing to {@code out} and {@code err}. */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Fleetlab());
        add(cl, "simulate", new CommandLine(new SimulateCommand(out, err)));
        add(cl, "ring-study", new CommandLine(new RingStudyCommand(out)));
        add(cl, "owner", new CommandLine(new OwnerCommand(out, err)));
        add(cl, "charts", ExportCharts.commandLine());
        add(cl, "view", passThrough(new CommandLine(new ViewCommand())));
        add(cl, "node", passThrough(new CommandLine(new NodeCommand())));
        cl.getSubcommands().get("simulate").getCommandSpec().usageMessage()
                .description("Runs a scenario file (a name in scenarios/ or a path): one run, or a sweep over seeds, algorithms and --vary values.")
                .footer(vocabulary());
        cl.getSubcommands().get("simulate").getCommandSpec().version("fleetlab " + ToolVersion.get());
        cl.getCommandSpec().usageMessage().footer(vocabulary());
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        return cl;
    }

    /** A command whose arguments all go, in order, to another program's own parser. */
    static CommandLine passThrough(CommandLine sub) {
        return sub.setUnmatchedOptionsArePositionalParams(true);
    }

    /** Registers {@code sub} under {@code name}, which its usage line shows too. */
    private static void add(CommandLine parent, String name, CommandLine sub) {
        sub.getCommandSpec().name(name);
        parent.addSubcommand(name, sub);
    }

    /** What a scenario may name: printed under {@code --help}. */
    static String vocabulary() {
        return "%nHashing algorithms: " + String.join(", ", HashingAlgorithm.ids())
                + "%nTarget shapes: " + String.join(", ", ScenarioVocabulary.targetShapes())
                + " (or targets.file: your own targets, in the formats of fleetlab owner)"
                + "%nTimeline actions: " + String.join(", ", ScenarioVocabulary.timelineActions())
                + "%nGossip presets: " + String.join(", ", ScenarioVocabulary.gossipPresets())
                + "%n%nfleetlab COMMAND --help shows each command's options; docs/simulator.md has the scenario schema.";
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("simulate") || args[0].equals("ring-study"))) {
            // The core logs protocol details for real nodes; a simulated fleet would drown the report in them.
            CORE_LOG.setLevel(Level.WARNING);
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        int code = commandLine(out, System.err).execute(args);
        out.flush();
        System.exit(code);
    }

    /** The version the build stamped. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"fleetlab " + ToolVersion.get()};
        }
    }
}
