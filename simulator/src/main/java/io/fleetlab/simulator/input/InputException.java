package io.fleetlab.simulator.input;

/** An input file that cannot be used, with where and why: {@code file:line:column: message}. */
public final class InputException extends Exception {
    private final String file;
    private final int line;
    private final int column;

    public InputException(String file, int line, int column, String problem) {
        super(file + ":" + line + ":" + column + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
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
