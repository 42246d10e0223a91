package com.omniops.command.settlement.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Malformed copies of a fixture and what reading them must say, for the file readers' tests. */
final class RejectedFiles {

    /** A reader of a whole file, as the tests call MarketplaceSettlementFile and PaymentPayoutReport. */
    @FunctionalInterface
    interface FileReader {
        void read(StringReader file);
    }

    private RejectedFiles() {
    }

    /** The lines with line {@code lineNumber} (1-based: the header is line 1) replaced. */
    static List<String> replace(List<String> lines, int lineNumber, String replacement) {
        List<String> copy = new ArrayList<>(lines);
        copy.set(lineNumber - 1, replacement);
        return copy;
    }

    /** Reading the lines is refused at {@code line}, naming {@code column} (null: the whole line) and the reason. */
    static void assertRejected(FileReader reader, List<String> lines, long line, String column, String reason) {
        assertThatThrownBy(() -> reader.read(new StringReader(String.join("\n", lines))))
                .isInstanceOfSatisfying(SettlementFileRejected.class, rejected -> {
                    assertThat(rejected.line()).isEqualTo(line);
                    assertThat(rejected.column()).isEqualTo(column);
                    assertThat(rejected.reason()).contains(reason);
                });
    }

    /** A consumer that keeps nothing: the tests only want to know whether the file is refused. */
    static <T> Consumer<T> ignore() {
        return row -> {
        };
    }
}
