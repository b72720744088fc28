package io.fleetlab.bench.report;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints a JMH JSON result file as the Markdown table used in docs/bench.md. */
@Command(name = "jmh-table", mixinStandardHelpOptions = true,
        description = "Prints JMH JSON results as a Markdown table: ns/op, B/op and the ratio to a baseline.")
public final class JmhTable implements Callable<Integer> {
    /** The baseline of the lookup benchmarks. */
    public static final String GUAVA_JUMP = "io.fleetlab.bench.lookup.GuavaJumpBench.owner";

    @Parameters(index = "0", paramLabel = "RESULTS", description = "JMH result file written with -rf json")
    private Path results;

    @Option(names = "--baseline", paramLabel = "BENCHMARK",
            description = "Fully qualified benchmark that ratios are taken against (default: ${DEFAULT-VALUE})")
    private String baseline = GUAVA_JUMP;

    @Override
    public Integer call() throws Exception {
        System.out.print(new MarkdownTable(baseline).render(JmhResults.read(results)));
        return 0;
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new JmhTable());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("jmh-table: " + e.getMessage());
            return 1;
        });
        System.exit(cli.execute(args));
    }
}
