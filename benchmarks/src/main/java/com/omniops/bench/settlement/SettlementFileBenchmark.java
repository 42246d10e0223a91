package com.omniops.bench.settlement;

import com.omniops.bench.SubcommandArgs;

import com.omniops.command.settlement.importing.MarketplaceSettlementFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How fast a marketplace settlement report is read (issue 13, docs/benchmarks.md "Settlement report"): writes a V2
 * file of {@code --rows} amount lines (the mix of a marketplace's fortnight: per order its principal, tax, shipping,
 * commission and fulfilment fee, some refunds, promotions, reserve and account fees; decimal commas) to a temporary
 * file, reads it {@code --warmup} times unmeasured and {@code --runs} times measured, and prints rows/s per run and
 * their median, minimum and maximum. Each run checks that the lines add up to the summary's total; a run that does
 * not fails the benchmark. Usage: {@code java -jar benchmarks/target/benchmarks-*-exec.jar settlement-file
 * [--rows=100000] [--warmup=3] [--runs=10]}.
 */
public final class SettlementFileBenchmark {

    private static final String[][] KINDS = {
            {"Order", "ItemPrice", "Principal", "39,90"}, {"Order", "ItemPrice", "Tax", "7,58"},
            {"Order", "ItemPrice", "Shipping", "4,95"}, {"Order", "ItemFees", "Commission", "-5,99"},
            {"Order", "ItemFees", "FBAPerUnitFulfillmentFee", "-3,10"}, {"Refund", "ItemPrice", "Principal", "-39,90"},
            {"Order", "Promotion", "Shipping", "-1,00"}, {"other-transaction", "other-transaction", "Storage Fee",
            "-0,35"}};

    private SettlementFileBenchmark() {
    }

    public static void main(String[] argv) throws IOException {
        SubcommandArgs.onlyOptions(argv, "settlement-file [--rows=100000] [--warmup=3] [--runs=10]", "--rows", "--warmup", "--runs");
        int rows = SubcommandArgs.option(argv, "--rows", 100_000);
        int warmup = SubcommandArgs.option(argv, "--warmup", 3);
        int runs = SubcommandArgs.option(argv, "--runs", 10);
        Path file = Files.createTempFile("settlement-", ".txt");
        try {
            BigDecimal total = write(file, rows, "BENCH-1");
            System.out.printf("Settlement report: %,d amount lines, %,d bytes, total %s; %d warm-up runs, %d measured%n",
                    rows, Files.size(file), total.toPlainString(), warmup, runs);
            List<Double> rates = new ArrayList<>();
            for (int run = 1; run <= warmup + runs; run++) {
                long start = System.nanoTime();
                long[] count = {0};
                BigDecimal[] sum = {BigDecimal.ZERO};
                MarketplaceSettlementFile.Summary summary;
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    summary = MarketplaceSettlementFile.read(in, row -> {
                        count[0]++;
                        sum[0] = sum[0].add(row.amount());
                    });
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (count[0] != rows || sum[0].compareTo(summary.totalAmount()) != 0) {
                    throw new IllegalStateException("run " + run + " read " + count[0] + " lines adding up to " + sum[0]
                            + ", the summary says " + summary.totalAmount());
                }
                double rate = rows / seconds;
                boolean measured = run > warmup;
                if (measured) {
                    rates.add(rate);
                }
                System.out.printf("  run %2d %s %,10.0f rows/s  (%.3f s)%n", run, measured ? "measured" : "warm-up ",
                        rate, seconds);
            }
            double[] sorted = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("rows/s             median %,.0f  min %,.0f  max %,.0f  (%d measured runs)%n",
                    sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], sorted.length);
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("heap               %,d MiB used of %,d MiB max after the runs%n",
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Writes the file; answers the total of its amount lines (the summary's total). */
    static BigDecimal write(Path file, int rows, String settlementId) throws IOException {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < rows; i++) {
            total = total.add(new BigDecimal(KINDS[i % KINDS.length][3].replace(',', '.')));
        }
        int columns = MarketplaceSettlementFile.COLUMNS.size();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join("\t", MarketplaceSettlementFile.COLUMNS));
            out.newLine();
            String[] summary = new String[columns];
            Arrays.fill(summary, "");
            summary[0] = settlementId;
            summary[1] = "01.11.2026 00:00:00 UTC";
            summary[2] = "15.11.2026 00:00:00 UTC";
            summary[3] = "17.11.2026 07:00:00 UTC";
            summary[4] = total.toPlainString().replace('.', ',');
            summary[5] = "EUR";
            out.write(String.join("\t", summary));
            out.newLine();
            String[] line = new String[columns];
            for (int i = 0; i < rows; i++) {
                String[] kind = KINDS[i % KINDS.length];
                Arrays.fill(line, "");
                line[0] = settlementId;
                line[6] = kind[0];
                line[7] = "302-" + (1_000_000 + i / KINDS.length) + "-0000001";
                line[8] = "AMZ-" + (i / KINDS.length);
                line[11] = "Amazon.de";
                line[12] = kind[1];
                line[13] = kind[2];
                line[14] = kind[3];
                line[16] = "03.11.2026";
                line[21] = "HOME-" + (i % 100);
                line[22] = "1";
                out.write(String.join("\t", line));
                out.newLine();
            }
        }
        return total;
    }
}
