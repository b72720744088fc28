package io.fleetlab.simulator.report;

import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.fleetlab.simulator.result.AgreementSample;
import io.fleetlab.simulator.result.Redistribution;
import io.fleetlab.simulator.result.RunContext;
import io.fleetlab.simulator.result.SimulationResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The time series of a result as CSV, for spreadsheets and plotting scripts. Every row carries the
 * run's scenario, algorithm, seed, varied value and tool version, so files from many runs can be
 * concatenated and still say where each row came from.
 */
public final class CsvExport {
    private CsvExport() {}

    /** Writes {@code <base>-agreement.csv} and {@code <base>-redistribution.csv} and returns their paths. */
    public static List<Path> write(SimulationResult r, Path base) throws IOException {
        Path agreement = Path.of(base + "-agreement.csv");
        CsvSchema.Builder a = CsvSchema.builder().addNumberColumn("time_s").addNumberColumn("live_nodes")
                .addNumberColumn("unowned").addNumberColumn("double_owned").addNumberColumn("max_unowned")
                .addNumberColumn("max_double_owned").addNumberColumn("unowned_target_s").addNumberColumn("double_owned_target_s");
        List<List<Object>> aRows = new ArrayList<>();
        for (AgreementSample s : r.agreement()) {
            aRows.add(withRun(new ArrayList<>(List.of(s.time(), s.liveNodes(), s.unowned(), s.doubleOwned(), s.maxUnowned(),
                    s.maxDoubleOwned(), s.unownedTargetSeconds(), s.doubleOwnedTargetSeconds())), r));
        }
        SweepFiles.writeCsv(agreement, runColumns(a).build(), aRows);

        Path redistribution = Path.of(base + "-redistribution.csv");
        CsvSchema.Builder d = CsvSchema.builder().addNumberColumn("time_s").addColumn("kind").addColumn("node")
                .addNumberColumn("nodes_before").addNumberColumn("nodes_after").addNumberColumn("moved")
                .addNumberColumn("moved_fraction").addNumberColumn("ideal").addNumberColumn("ratio")
                .addNumberColumn("band_low").addNumberColumn("band_high").addNumberColumn("misplaced");
        List<List<Object>> dRows = new ArrayList<>();
        for (Redistribution x : r.redistribution()) {
            dRows.add(withRun(new ArrayList<>(List.of(x.time(), x.kind().label(), x.node(), x.nodesBefore(), x.nodesAfter(), x.moved(),
                    x.movedFraction(), x.idealFraction(), x.ratio(), x.boundLow(), x.boundHigh(), x.misplaced())), r));
        }
        SweepFiles.writeCsv(redistribution, runColumns(d).build(), dRows);
        return List.of(agreement, redistribution);
    }

    private static CsvSchema.Builder runColumns(CsvSchema.Builder b) {
        return b.addColumn("scenario").addColumn("algorithm").addNumberColumn("seed").addColumn("variant").addColumn("tool_version");
    }

    private static List<Object> withRun(List<Object> row, SimulationResult r) {
        RunContext c = r.context();
        row.add(r.scenario());
        row.add(r.algorithm());
        row.add(r.seed());
        row.add(c == null ? "" : String.join(" ", c.variant().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        row.add(c == null ? ToolVersion.get() : c.toolVersion());
        return row;
    }
}
