package io.fleetlab.simulator.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time span or instant in a scenario file: {@code "10s"}, {@code "1m30s"}, {@code "250ms"},
 * {@code "1h"}, or a plain number of seconds. Stored in nanoseconds; may be negative only so that
 * validation can report it with its location.
 */
@JsonDeserialize(using = Span.Reader.class)
public record Span(long nanos) {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|us|ns|m|s)");

    public static Span ofSeconds(double s) {
        return new Span(Math.round(s * 1e9));
    }

    public double seconds() {
        return nanos / 1e9;
    }

    /** Parses {@code text}; throws IllegalArgumentException explaining the expected form. */
    public static Span parse(String text) {
        String t = text.trim();
        boolean negative = t.startsWith("-");
        if (negative) {
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        Matcher m = PART.matcher(t);
        int pos = 0;
        double nanos = 0;
        while (pos < t.length()) {
            if (!m.find(pos) || m.start() != pos) {
                throw new IllegalArgumentException("'" + text + "' is not a duration; expected e.g. \"10s\", \"1m30s\", \"250ms\" or a number of seconds");
            }
            double v = Double.parseDouble(m.group(1));
            nanos += v * switch (m.group(2)) {
                case "h" -> 3600e9;
                case "m" -> 60e9;
                case "s" -> 1e9;
                case "ms" -> 1e6;
                case "us" -> 1e3;
                default -> 1;
            };
            pos = m.end();
        }
        long n = Math.round(nanos);
        return new Span(negative ? -n : n);
    }

    @Override
    public String toString() {
        return seconds() + "s";
    }

    /** Reads a span from a JSON string or number. */
    public static final class Reader extends JsonDeserializer<Span> {
        @Override
        public Span deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonToken tok = p.currentToken();
            if (tok == JsonToken.VALUE_NUMBER_INT || tok == JsonToken.VALUE_NUMBER_FLOAT) {
                return Span.ofSeconds(p.getDoubleValue());
            }
            if (tok == JsonToken.VALUE_STRING) {
                try {
                    return Span.parse(p.getText());
                } catch (IllegalArgumentException e) {
                    return (Span) ctx.handleWeirdStringValue(Span.class, p.getText(), e.getMessage());
                }
            }
            return (Span) ctx.handleUnexpectedToken(Span.class, tok, p,
                    "expected a duration such as \"10s\", \"1m30s\" or a number of seconds");
        }
    }
}
