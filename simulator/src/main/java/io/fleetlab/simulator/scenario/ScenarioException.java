package io.fleetlab.simulator.scenario;

/**
 * A scenario file that cannot run, with where and why: {@code file:line:column: field: problem}.
 */
public final class ScenarioException extends Exception {
    private final String file;
    private final int line;
    private final int column;
    private final String field;

    public ScenarioException(String file, int line, int column, String field, String problem) {
        super(file + ":" + line + ":" + column + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The offending field as a path, e.g. {@code timeline[2].at}; empty for the whole file. */
    public String field() {
        return field;
    }
}
