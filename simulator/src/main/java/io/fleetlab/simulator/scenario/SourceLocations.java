package io.fleetlab.simulator.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a JSON document starts, by field path ({@code timeline[3].node}), so that
 * checks made after parsing can still point at the line and column of the mistake.
 */
final class SourceLocations {
    private final Map<String, int[]> byPath = new HashMap<>();

    static SourceLocations index(byte[] json) throws IOException {
        SourceLocations locations = new SourceLocations();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonStreamContext ctx = p.getParsingContext();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    ctx = ctx.getParent();
                }
                JsonLocation loc = p.currentTokenLocation();
                locations.byPath.putIfAbsent(path(ctx), new int[] {loc.getLineNr(), loc.getColumnNr()});
            }
        }
        return locations;
    }

    /** The field path of the value the context is positioned at. */
    static String path(JsonStreamContext ctx) {
        if (ctx == null || ctx.inRoot()) {
            return "";
        }
        String parent = path(ctx.getParent());
        if (ctx.inArray()) {
            return parent + "[" + ctx.getCurrentIndex() + "]";
        }
        String name = ctx.getCurrentName();
        return name == null ? parent : parent.isEmpty() ? name : parent + "." + name;
    }

    /** Line and column of the value at {@code path}, or of its nearest enclosing value. */
    int[] of(String path) {
        String p = path;
        while (true) {
            int[] loc = byPath.get(p);
            if (loc != null || p.isEmpty()) {
                return loc != null ? loc : new int[] {1, 1};
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }
}
