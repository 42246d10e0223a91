package com.omniops.query.audit;

/** RFC 4180 rows: a field with a comma, quote or line break is quoted, quotes doubled. */
final class Csv {

    private Csv() {
    }

    static String row(Object... fields) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            String value = fields[i] == null ? "" : fields[i].toString();
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
