package io.fleetlab.simulator.report;

import io.fleetlab.simulator.result.AgreementSample;
import io.fleetlab.simulator.result.Redistribution;
import io.fleetlab.simulator.result.SimulationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The time series of a result as CSV, for spreadsheets and plotting scripts. */
public final class CsvExport {
    private CsvExport() {}

    /** Writes {@code <base>-agreement.csv} and {@code <base>-redistribution.csv}. */
    public static void write(SimulationResult r, Path base) throws IOException {
        StringBuilder a = new StringBuilder("time_s,live_nodes,unowned,double_owned,max_unowned,max_double_owned,unowned_target_s,double_owned_target_s\n");
        for (AgreementSample s : r.agreement()) {
            a.append(String.format(Locale.ROOT, "%.3f,%d,%d,%d,%d,%d,%.3f,%.3f%n", s.time(), s.liveNodes(), s.unowned(),
                    s.doubleOwned(), s.maxUnowned(), s.maxDoubleOwned(), s.unownedTargetSeconds(),
                    s.doubleOwnedTargetSeconds()));
        }
        Files.writeString(Path.of(base + "-agreement.csv"), a);
        StringBuilder d = new StringBuilder("time_s,kind,node,nodes_before,nodes_after,moved,moved_fraction,ideal,ratio,band_low,band_high,misplaced\n");
        for (Redistribution x : r.redistribution()) {
            d.append(String.format(Locale.ROOT, "%.3f,%s,%s,%d,%d,%d,%.6f,%.6f,%.4f,%.6f,%.6f,%d%n", x.time(), x.kind(), x.node(),
                    x.nodesBefore(), x.nodesAfter(), x.moved(), x.movedFraction(), x.idealFraction(), x.ratio(), x.boundLow(),
                    x.boundHigh(), x.misplaced()));
        }
        Files.writeString(Path.of(base + "-redistribution.csv"), d);
    }
}
