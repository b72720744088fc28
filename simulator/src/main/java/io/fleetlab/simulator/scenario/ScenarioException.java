package io.fleetlab.simulator.scenario;

/**
 * A scenario file that cannot run, with where and why: {@code file:line:column: field: message}.
 */
public final class ScenarioException extends Exception {
    private final String file;
    private final int line;
    private final int column;
    private final String field;
    private final String problem;

    public ScenarioException(String file, int line, int column, String field, String problem) {
        super(file + ":" + line + ":" + column + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
        this.problem = problem;
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

    /** The field as a path, such as {@code timeline[3].node}. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
