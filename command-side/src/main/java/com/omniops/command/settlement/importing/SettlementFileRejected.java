package com.omniops.command.settlement.importing;

/**
 * A settlement file that cannot be imported, with where and why: the line number in the file (the header is line 1),
 * the column's name (null when the whole line is wrong, e.g. its column count) and the reason. The whole file is
 * refused; nothing of it is imported.
 */
public final class SettlementFileRejected extends RuntimeException {

    private final long line;
    private final String column;
    private final String reason;

    public SettlementFileRejected(long line, String column, String reason) {
        super("line " + line + (column == null ? "" : ", column " + column) + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public long line() {
        return line;
    }

    public String column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
