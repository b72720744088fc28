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
    /** No duration in a scenario may name more than this (ten thousand hours); fields have tighter limits. */
    static final Duration LIMIT = Duration.ofHours(10_000);
    private static final String TOO_LARGE = "a duration must be finite and at most 10000h";
    private static final Pattern PART = Pattern.compile("(-?\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            Duration d = ofNanos(p.getDoubleValue() * 1e9);
            if (d == null) {
                return (Duration) ctxt.handleWeirdNumberValue(Duration.class, p.getNumberValue(), TOO_LARGE);
            }
            return d;
        }
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
        }
        String text = p.getText().trim();
        double nanos = nanos(text);
        Duration d = ofNanos(nanos);
        if (d == null && !Double.isNaN(nanos)) {
            return (Duration) ctxt.handleWeirdStringValue(Duration.class, text, TOO_LARGE);
        }
        if (d == null) {
            return (Duration) ctxt.handleWeirdStringValue(Duration.class, text,
                    "expected a duration such as \"30s\", \"1m30s\", \"250ms\" or a number of seconds");
        }
        return d;
    }

    static Duration parse(String text) {
        return ofNanos(nanos(text));
    }

    /** The nanoseconds {@code text} names, or NaN when it is not a duration. */
    private static double nanos(String text) {
        if (text.isEmpty()) {
            return Double.NaN;
        }
        Matcher m = PART.matcher(text);
        int at = 0;
        double nanos = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                return Double.NaN;
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
        return nanos;
    }

    /** Whole nanoseconds, or null when {@code nanos} is not finite or beyond {@link #LIMIT}. */
    private static Duration ofNanos(double nanos) {
        if (!Double.isFinite(nanos) || Math.abs(nanos) > LIMIT.toNanos()) {
            return null;
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    static String format(Duration d) {
        double s = d.toNanos() / 1e9;
        return s == Math.rint(s) ? (long) s + "s" : s + "s";
    }
}
