package io.fleetlab.simulator.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written as {@code "1m30s"}, {@code "250ms"}, {@code "2h"} or a number of seconds. */
final class Durations extends JsonDeserializer<Duration> {
    private static final Pattern PART = Pattern.compile("(-?\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            return Duration.ofNanos(Math.round(p.getDoubleValue() * 1e9));
        }
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
        }
        String text = p.getText().trim();
        Duration d = parse(text);
        if (d == null) {
            return (Duration) ctxt.handleWeirdStringValue(Duration.class, text,
                    "expected a duration such as \"30s\", \"1m30s\", \"250ms\" or a number of seconds");
        }
        return d;
    }

    static Duration parse(String text) {
        if (text.isEmpty()) {
            return null;
        }
        Matcher m = PART.matcher(text);
        int at = 0;
        double nanos = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                return null;
            }
            double v = Double.parseDouble(m.group(1));
            nanos += v * switch (m.group(2)) {
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            at = m.end();
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    static String format(Duration d) {
        double s = d.toNanos() / 1e9;
        return s == Math.rint(s) ? (long) s + "s" : s + "s";
    }
}
