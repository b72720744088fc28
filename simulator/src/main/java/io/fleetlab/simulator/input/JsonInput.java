package io.fleetlab.simulator.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A streaming JSON reader that turns every problem, syntax or meaning, into an
 * {@link InputException} at the line and column of the token that caused it.
 */
final class JsonInput implements AutoCloseable {
    private static final int MAX_NESTING = 32;

    private final String file;
    private final InputLimits limits;
    private final JsonParser parser;

    JsonInput(String file, byte[] json, InputLimits limits) throws InputException {
        this.file = file;
        this.limits = limits;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                .build();
        try {
            this.parser = factory.createParser(json);
        } catch (IOException e) {
            throw new InputException(file, 1, 1, "cannot be read: " + e.getMessage());
        }
        parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** The next token; the end of input where a value is needed is an error. */
    JsonToken next() throws InputException {
        try {
            JsonToken t = parser.nextToken();
            if (t == null) {
                throw error("unexpected end of the file");
            }
            return t;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String message = e.getOriginalMessage();
            int nl = message == null ? -1 : message.indexOf('\n');
            String first = nl < 0 ? String.valueOf(message) : message.substring(0, nl);
            throw new InputException(file, loc == null ? 1 : loc.getLineNr(), loc == null ? 1 : loc.getColumnNr(),
                    first.startsWith("Duplicate field") ? first.replace("Duplicate field", "field") + " appears twice in one object"
                            : "not valid JSON: " + first);
        } catch (IOException e) {
            throw new InputException(file, 1, 1, "cannot be read: " + e.getMessage());
        }
    }

    /** Checks that nothing but white space follows the document. */
    void expectEnd() throws InputException {
        try {
            if (parser.nextToken() != null) {
                throw error("unexpected content after the end of the document");
            }
        } catch (JsonProcessingException e) {
            throw error("unexpected content after the end of the document");
        } catch (IOException e) {
            throw new InputException(file, 1, 1, "cannot be read: " + e.getMessage());
        }
    }

    /** Reads the next token and checks it is {@code expected}, else says what was found. */
    void expect(JsonToken expected, String what) throws InputException {
        JsonToken t = next();
        if (t != expected) {
            throw error("expected " + what + ", found " + describe(t));
        }
    }

    /** Skips the value the current token starts. */
    void skipValue() throws InputException {
        try {
            parser.skipChildren();
        } catch (JsonProcessingException e) {
            throw error("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(file, 1, 1, "cannot be read: " + e.getMessage());
        }
    }

    /** The current string token, checked against the length limit. */
    String string(String what) throws InputException {
        String s = text();
        if (s.length() > limits.maxStringLength()) {
            throw error(what + " is " + s.length() + " characters long; the limit is " + limits.maxStringLength());
        }
        return s;
    }

    String text() throws InputException {
        try {
            return parser.getText();
        } catch (IOException e) {
            throw error("cannot be read: " + e.getMessage());
        }
    }

    boolean bool() throws InputException {
        try {
            return parser.getBooleanValue();
        } catch (IOException e) {
            throw error("expected true or false");
        }
    }

    /** Where the current token starts. */
    int[] location() {
        JsonLocation loc = parser.currentTokenLocation();
        return new int[] {loc.getLineNr(), loc.getColumnNr()};
    }

    /** A problem at the current token. */
    InputException error(String problem) {
        int[] at = location();
        return new InputException(file, at[0], at[1], problem);
    }

    /** A problem at a remembered location. */
    InputException errorAt(int[] at, String problem) {
        return new InputException(file, at[0], at[1], problem);
    }

    /**
     * Reads the label map whose {@code START_OBJECT} is the current token: string names to string
     * values, at least one, each name once, within the limits.
     */
    Map<String, String> labelMap() throws InputException {
        int[] start = location();
        Map<String, String> labels = new LinkedHashMap<>();
        JsonToken t;
        while ((t = next()) == JsonToken.FIELD_NAME) {
            String name = string("label name");
            if (name.isEmpty()) {
                throw error("empty label name");
            }
            if (labels.size() == limits.maxLabels()) {
                throw error("more than " + limits.maxLabels() + " labels in one target");
            }
            JsonToken v = next();
            if (v != JsonToken.VALUE_STRING) {
                throw error("label " + name + ": expected a string value, found " + describe(v));
            }
            labels.put(name, string("value of label " + name));
        }
        if (labels.isEmpty()) {
            throw errorAt(start, "a target needs at least one label; found an empty label map");
        }
        return labels;
    }

    static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            case END_OBJECT -> "the end of an object";
            case END_ARRAY -> "the end of a list";
            case FIELD_NAME -> "a field name";
            default -> t.toString();
        };
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // Reading from a byte array: nothing to release.
        }
    }
}
