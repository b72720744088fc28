package io.fleetlab.simulator.scenario;

/**
 * A scenario file that cannot run, with where and why: {@code file:line:column: field: message},
 * one line per problem when there are several (the first one's parts are the accessors).
 */
public final class ScenarioException extends Exception {
    private final String file;
    private final int line;
    private final int column;
    private final String field;
    private final String problem;
    private final int count;

    public ScenarioException(String file, int line, int column, String field, String problem) {
        this(file + ":" + line + ":" + column + ": " + (field.isEmpty() ? "" : field + ": ") + problem,
                file, line, column, field, problem, 1);
    }

    private ScenarioException(String message, String file, int line, int column, String field, String problem,
            int count) {
        super(message);
        this.count = count;
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

    /** How many problems the message lists. */
    public int count() {
        return count;
    }

    /** One exception listing every problem in {@code all} (at least one), a line each, in order. */
    public static ScenarioException of(java.util.List<ScenarioException> all) {
        ScenarioException first = all.get(0);
        if (all.size() == 1) {
            return first;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(all.size()).append(" problems:");
        for (ScenarioException e : all) {
            sb.append(System.lineSeparator()).append(e.getMessage());
        }
        return new ScenarioException(sb.toString(), first.file, first.line, first.column, first.field,
                first.problem, all.size());
    }
}
