package io.fleetlab.simulator.input;

/** An input file that cannot be used, with where and why: {@code file:line:column: message}. */
public final class InputException extends Exception {
    private final String file;
    private final int line;
    private final int column;

    public InputException(String file, int line, int column, String problem) {
        // Lines and columns count from 1; a parser at the very end of an empty file says 0.
        super(file + ":" + Math.max(1, line) + ":" + Math.max(1, column) + ": " + problem);
        this.file = file;
        this.line = Math.max(1, line);
        this.column = Math.max(1, column);
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
}
