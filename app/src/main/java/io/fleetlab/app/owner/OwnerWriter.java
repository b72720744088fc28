package io.fleetlab.app.owner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.fleetlab.core.hash.TargetKeys;
import io.fleetlab.simulator.input.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Writes owner look-ups and moves in one of the output formats, a target at a time, in input order. */
sealed interface OwnerWriter {
    /** The widest a table line gets. */
    int TABLE_WIDTH = 120;

    void lookup(Target target, Lookup lookup);

    void move(Target target, Lookup from, Lookup to);

    void finish();

    /** Formats {@code table}, {@code json} and {@code csv}. */
    enum Format { table, json, csv }

    static OwnerWriter of(Format format, PrintStream out, int owners, int longestName, boolean moves) {
        return switch (format) {
            case table -> new Table(out, owners, longestName, moves);
            case json -> new JsonLines(out);
            case csv -> new Csv(out, owners, moves);
        };
    }

    /** How a target reads in a table or a CSV cell: a label set as Alloy's operator string, a string as itself. */
    static String display(Target target) {
        return target instanceof Target.Labels l ? TargetKeys.operatorString(l.labels()) : ((Target.Text) target).value();
    }

    /** One JSON object per line: {@code {"target": ..., "key": ..., "owners": [...]}} or {@code "error"}. */
    final class JsonLines implements OwnerWriter {
        private static final ObjectMapper MAPPER = JsonMapper.builder().build();
        private final PrintStream out;

        JsonLines(PrintStream out) {
            this.out = out;
        }

        @Override
        public void lookup(Target target, Lookup lookup) {
            ObjectNode line = start(target);
            put(line, lookup.failed() ? "error" : "owners", lookup);
            print(line);
        }

        @Override
        public void move(Target target, Lookup from, Lookup to) {
            ObjectNode line = start(target);
            put(line, from.failed() ? "fromError" : "from", from);
            put(line, to.failed() ? "toError" : "to", to);
            print(line);
        }

        private static ObjectNode start(Target target) {
            ObjectNode line = MAPPER.createObjectNode();
            if (target instanceof Target.Labels l) {
                ObjectNode labels = line.putObject("target");
                l.labels().forEach(labels::put);
            } else {
                line.put("target", ((Target.Text) target).value());
            }
            line.put("key", target.keyHex());
            return line;
        }

        private static void put(ObjectNode line, String field, Lookup lookup) {
            if (lookup.failed()) {
                line.put(field, lookup.error());
            } else {
                ArrayNode owners = line.putArray(field);
                lookup.owners().forEach(owners::add);
            }
        }

        private void print(ObjectNode line) {
            try {
                out.println(MAPPER.writeValueAsString(line));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void finish() {
            out.flush();
        }
    }

    /**
     * CSV with a header: {@code kind,target,key,owner1..ownerK,error}, or
     * {@code kind,target,key,from1..fromK,to1..toK,error} for moves; label sets as compact JSON.
     */
    final class Csv implements OwnerWriter {
        private static final ObjectMapper JSON = JsonMapper.builder().build();
        private final SequenceWriter rows;
        private final int owners;

        Csv(PrintStream out, int owners, boolean moves) {
            this.owners = owners;
            CsvSchema.Builder schema = CsvSchema.builder().addColumn("kind").addColumn("target").addColumn("key");
            for (String side : moves ? List.of("from", "to") : List.of("owner")) {
                for (int i = 1; i <= owners; i++) {
                    schema.addColumn(side + i);
                }
            }
            schema.addColumn("error");
            try {
                rows = new CsvMapper().writerFor(List.class).with(schema.build().withHeader()).writeValues(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void lookup(Target target, Lookup lookup) {
            List<String> row = start(target);
            addOwners(row, lookup);
            row.add(lookup.failed() ? lookup.error() : "");
            write(row);
        }

        @Override
        public void move(Target target, Lookup from, Lookup to) {
            List<String> row = start(target);
            addOwners(row, from);
            addOwners(row, to);
            row.add(from.failed() ? "before: " + from.error() : to.failed() ? "after: " + to.error() : "");
            write(row);
        }

        private List<String> start(Target target) {
            List<String> row = new ArrayList<>();
            if (target instanceof Target.Labels l) {
                row.add("labels");
                try {
                    row.add(JSON.writeValueAsString(l.labels()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                row.add("string");
                row.add(((Target.Text) target).value());
            }
            row.add(target.keyHex());
            return row;
        }

        private void addOwners(List<String> row, Lookup lookup) {
            for (int i = 0; i < owners; i++) {
                row.add(i < lookup.owners().size() ? lookup.owners().get(i) : "");
            }
        }

        private void write(List<String> row) {
            try {
                rows.write(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void finish() {
            try {
                rows.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Fixed columns no wider than {@link #TABLE_WIDTH}: key, owners (or from -> to), then the target, cut to fit. */
    final class Table implements OwnerWriter {
        private final PrintStream out;
        private final int ownersWidth;
        private final int targetWidth;

        Table(PrintStream out, int owners, int longestName, boolean moves) {
            this.out = out;
            int natural = Math.max(6, owners * longestName + Math.max(0, owners - 1) * 2);
            this.ownersWidth = Math.min(moves ? 24 : 48, natural);
            int used = 16 + 2 + (moves ? ownersWidth * 2 + 4 : ownersWidth) + 2;
            this.targetWidth = TABLE_WIDTH - used;
            if (moves) {
                out.println(fit("key", 16) + "  " + fit("from", ownersWidth) + "    " + fit("to", ownersWidth) + "  target");
            } else {
                out.println(fit("key", 16) + "  " + fit("owners", ownersWidth) + "  target");
            }
        }

        @Override
        public void lookup(Target target, Lookup lookup) {
            out.println(target.keyHex() + "  " + fit(cell(lookup), ownersWidth) + "  " + cut(display(target), targetWidth));
        }

        @Override
        public void move(Target target, Lookup from, Lookup to) {
            out.println(target.keyHex() + "  " + fit(cell(from), ownersWidth) + " -> " + fit(cell(to), ownersWidth) + "  "
                    + cut(display(target), targetWidth));
        }

        private static String cell(Lookup lookup) {
            return lookup.failed() ? "(none: " + lookup.error() + ")" : String.join(", ", lookup.owners());
        }

        static String fit(String s, int width) {
            String c = cut(s, width);
            return c + " ".repeat(width - c.length());
        }

        static String cut(String s, int width) {
            String flat = s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
            return flat.length() <= width ? flat : flat.substring(0, Math.max(0, width - 3)) + "...";
        }

        @Override
        public void finish() {
            out.flush();
        }
    }
}
