package com.omniops.command.settlement.importing;

import com.omniops.command.lookup.ChannelDirectory;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.settlement.ImportProgress;
import com.omniops.command.settlement.SettlementStatus;
import com.omniops.events.Money;
import com.omniops.events.settlement.SettlementEvent;
import com.omniops.events.settlement.SettlementRow;
import com.omniops.events.settlement.SettlementSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Imports a settlement report all or nothing, without holding it in memory (docs/settlements.md "Importing"):
 * <ol>
 *   <li>reads the whole file once: every line checked, rows counted and summed, the file's SHA-256 taken; a
 *       malformed line refuses the file before anything is recorded;</li>
 *   <li>starts the Settlement with the summary and the row count (or finds it started: the same file resumes an
 *       interrupted import or, if complete, answers with it; another file with that id is refused);</li>
 *   <li>reads the file again and records its rows in chunks of {@value #CHUNK_ROWS}, each chunk its own command and
 *       transaction, logging progress;</li>
 *   <li>completes it: only now does the settlement count, so an import cut off by a crash is never half in the books.</li>
 * </ol>
 */
@Component
public class SettlementImporter {

    /** Rows per event and transaction: small enough for any report, large enough that chunks cost little. */
    public static final int CHUNK_ROWS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(SettlementImporter.class);

    private final CommandGateway commands;
    private final ChannelDirectory channels;

    public SettlementImporter(CommandGateway commands, ChannelDirectory channels) {
        this.commands = commands;
        this.channels = channels;
    }

    /** Where a report's bytes come from; opened twice, once to check it and once to record it. */
    @FunctionalInterface
    public interface ReportFile {
        InputStream open() throws IOException;
    }

    /** The settlement after the import, and whether this call imported it or found it imported before. */
    public record Imported(ImportProgress settlement, boolean alreadyImported) {
    }

    public Imported importReport(String channelId, SettlementSource source, ReportFile file, String fileName,
                                 String importedBy) {
        BusinessRuleViolation.require(channels.exists(channelId), ErrorCode.CHANNEL_NOT_FOUND,
                "There is no channel " + channelId + ".");
        Scan scan = scan(source, file);
        SettlementReport.Summary summary = scan.summary();
        BusinessRuleViolation.require(Money.withinBounds(scan.rowsTotal()), ErrorCode.SETTLEMENT_FILE_MALFORMED,
                "The rows add up to " + scan.rowsTotal().toPlainString() + ", beyond what an amount may be.");
        String settlementId = SettlementEvent.idOf(channelId, summary.reportId());
        ImportProgress started = commands.sendAndWait(new StartSettlementImport(settlementId, channelId, source,
                summary.reportId(), summary.periodStart(), summary.periodEnd(), summary.depositDate(),
                new Money(summary.total(), summary.currency()), scan.rows(), fileName, scan.sha256(), importedBy));
        if (!started.sameFile()) {
            throw new BusinessRuleViolation(ErrorCode.SETTLEMENT_ID_CONFLICT, "Settlement " + summary.reportId()
                    + " of channel " + channelId + " was imported from another file; a settlement is imported "
                    + "once (its id is the report's).", Map.of("settlementId", settlementId));
        }
        if (started.status() == SettlementStatus.IMPORTED) {
            log.info("Settlement {} was imported before from the same file; nothing changed", settlementId);
            return new Imported(started, true);
        }
        record(settlementId, source, file, started.nextChunk(), scan.rows());
        ImportProgress done = commands.sendAndWait(new CompleteSettlementImport(settlementId));
        log.info("Settlement {} imported: {} rows, total {} {}, rows {}{}", settlementId, done.rowCount(),
                done.total().amount().toPlainString(), done.total().currency(), done.rowsTotal().toPlainString(),
                done.exception() ? " (EXCEPTION: the rows do not add up to the total)" : "");
        return new Imported(done, false);
    }

    private record Scan(SettlementReport.Summary summary, long rows, BigDecimal rowsTotal, String sha256) {
    }

    private static Scan scan(SettlementSource source, ReportFile file) {
        MessageDigest sha = sha256();
        long[] rows = {0};
        BigDecimal[] sum = {BigDecimal.ZERO};
        SettlementReport.Summary summary;
        try (InputStream in = new DigestInputStream(file.open(), sha)) {
            summary = SettlementReport.read(source, reader(in), row -> {
                rows[0]++;
                sum[0] = sum[0].add(row.amount());
            });
            in.transferTo(OutputStream.nullOutputStream()); // whatever the reader left unread still counts in the hash
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Scan(summary, rows[0], sum[0], HexFormat.of().formatHex(sha.digest()));
    }

    private void record(String settlementId, SettlementSource source, ReportFile file, int fromChunk, long rowCount) {
        List<SettlementRow> chunk = new ArrayList<>(CHUNK_ROWS);
        int[] chunkNo = {0};
        long[] recorded = {0};
        long logEvery = Math.max(10 * CHUNK_ROWS, rowCount / 10);
        try (InputStream in = file.open()) {
            SettlementReport.read(source, reader(in), row -> {
                chunk.add(row);
                if (chunk.size() == CHUNK_ROWS) {
                    send(settlementId, chunkNo[0]++, chunk, fromChunk);
                    recorded[0] += CHUNK_ROWS;
                    if (recorded[0] % logEvery < CHUNK_ROWS) {
                        log.info("Settlement {}: {} of {} rows recorded", settlementId, recorded[0], rowCount);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!chunk.isEmpty()) {
            send(settlementId, chunkNo[0], chunk, fromChunk);
        }
    }

    private void send(String settlementId, int chunkNo, List<SettlementRow> chunk, int fromChunk) {
        if (chunkNo >= fromChunk) {
            commands.sendAndWait(new RecordSettlementRows(settlementId, chunkNo, chunk));
        }
        chunk.clear();
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
