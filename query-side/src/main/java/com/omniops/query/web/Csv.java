package com.omniops.query.web;

/**
 * RFC 4180 rows: a field with a comma, quote or line break is quoted, quotes doubled. A text field that a spreadsheet
 * would take for a formula (starting with =, +, -, @, tab or carriage return: a SKU or reference someone typed) is
 * prefixed with an apostrophe, so opening an export never runs it; numbers are written as they are.
 */
public final class Csv {

    private Csv() {
    }

    public static String row(Object... fields) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            String value = fields[i] == null ? "" : fields[i].toString();
            if (fields[i] instanceof CharSequence && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
                value = "'" + value;
            }
            if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0) {
                row.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                row.append(value);
            }
        }
        return row.append('\n').toString();
    }
}
