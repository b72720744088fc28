package io.fleetlab.simulator.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.fleetlab.simulator.result.RunContext;
import io.fleetlab.simulator.sweep.RunSummary;
import io.fleetlab.simulator.sweep.SweepFigure;
import io.fleetlab.simulator.sweep.SweepStatistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep's summary saved as JSON ({@code <base>.json}: context, per-group statistics and every
 * run) and CSV ({@code <base>.csv}: one row per group, {@code <base>-runs.csv}: one row per run).
 */
public final class SweepFiles {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /**
     * The runs of one group.
     *
     * @param variant     the varied field and value ({@code network.loss=0.1}), or empty
     * @param algorithm   the hashing algorithm
     * @param runs        one summary per seed
     * @param resultFiles the result file of each run, in the same order
     */
    public record Group(String variant, String algorithm, List<RunSummary> runs, List<String> resultFiles) {}

    private SweepFiles() {}

    /** Writes the three files and returns their paths. */
    public static List<Path> write(Path base, RunContext context, List<Group> groups) throws IOException {
        Path json = Path.of(base + ".json");
        Path csv = Path.of(base + ".csv");
        Path runsCsv = Path.of(base + "-runs.csv");
        Files.write(json, JSON.writeValueAsBytes(summary(context, groups)));

        CsvSchema.Builder groupSchema = CsvSchema.builder().addColumn("variant").addColumn("algorithm").addColumn("runs");
        for (SweepFigure f : SweepFigure.ALL) {
            groupSchema.addNumberColumn(f.name() + "_mean").addNumberColumn(f.name() + "_sd")
                    .addNumberColumn(f.name() + "_ci95_low").addNumberColumn(f.name() + "_ci95_high");
        }
        addContextColumns(groupSchema);
        List<List<Object>> groupRows = new ArrayList<>();
        for (Group g : groups) {
            List<Object> row = new ArrayList<>(List.of(g.variant(), g.algorithm(), g.runs().size()));
            for (SweepFigure f : SweepFigure.ALL) {
                SweepStatistics s = f.over(g.runs());
                row.add(cell(s.mean()));
                row.add(cell(s.sd()));
                row.add(cell(s.ciLow()));
                row.add(cell(s.ciHigh()));
            }
            addContext(row, context);
            groupRows.add(row);
        }
        writeCsv(csv, groupSchema.build(), groupRows);

        CsvSchema.Builder runSchema = CsvSchema.builder().addColumn("variant").addColumn("algorithm").addNumberColumn("seed");
        for (SweepFigure f : SweepFigure.ALL) {
            runSchema.addNumberColumn(f.name());
        }
        runSchema.addColumn("resultFile");
        addContextColumns(runSchema);
        List<List<Object>> runRows = new ArrayList<>();
        for (Group g : groups) {
            for (int i = 0; i < g.runs().size(); i++) {
                RunSummary r = g.runs().get(i);
                List<Object> row = new ArrayList<>(List.of(g.variant(), g.algorithm(), r.seed()));
                for (SweepFigure f : SweepFigure.ALL) {
                    row.add(cell(f.value().applyAsDouble(r)));
                }
                row.add(g.resultFiles().get(i));
                addContext(row, context);
                runRows.add(row);
            }
        }
        writeCsv(runsCsv, runSchema.build(), runRows);
        return List.of(json, csv, runsCsv);
    }

    private static ObjectNode summary(RunContext context, List<Group> groups) {
        ObjectNode root = JSON.createObjectNode();
        root.set("context", JSON.valueToTree(context));
        ArrayNode groupNodes = root.putArray("groups");
        ArrayNode runNodes = root.putArray("runs");
        for (Group g : groups) {
            ObjectNode gn = groupNodes.addObject().put("variant", g.variant()).put("algorithm", g.algorithm())
                    .put("runs", g.runs().size());
            ObjectNode figures = gn.putObject("figures");
            for (SweepFigure f : SweepFigure.ALL) {
                figures.set(f.name(), JSON.valueToTree(f.over(g.runs())));
            }
            for (int i = 0; i < g.runs().size(); i++) {
                ObjectNode rn = JSON.valueToTree(g.runs().get(i));
                rn.put("variant", g.variant());
                rn.put("resultFile", g.resultFiles().get(i));
                runNodes.add(rn);
            }
        }
        return root;
    }

    private static void addContextColumns(CsvSchema.Builder schema) {
        schema.addColumn("toolVersion").addColumn("commandLine");
    }

    private static void addContext(List<Object> row, RunContext context) {
        row.add(context.toolVersion());
        row.add(String.join(" ", context.commandLine()));
    }

    /** NaN (a figure a run does not have, such as crash detection without crashes) is an empty cell. */
    private static Object cell(double v) {
        return Double.isNaN(v) ? "" : v;
    }

    static void writeCsv(Path file, CsvSchema schema, List<List<Object>> rows) throws IOException {
        Files.write(file, new CsvMapper().writer(schema.withHeader()).writeValueAsBytes(rows));
    }
}
