package com.omniops.command.settlement;

import com.omniops.command.rule.ErrorCode;
import com.omniops.command.settlement.importing.CompleteSettlementImport;
import com.omniops.command.settlement.importing.RecordSettlementRows;
import com.omniops.command.settlement.importing.StartSettlementImport;
import com.omniops.command.settlement.reconcile.AcceptSettlementDifference;
import com.omniops.command.settlement.reconcile.MatchSettlementRow;
import com.omniops.events.Money;
import com.omniops.events.settlement.SettlementDifferenceAccepted;
import com.omniops.events.settlement.SettlementImportStarted;
import com.omniops.events.settlement.SettlementRowMatched;
import com.omniops.events.settlement.SettlementImported;
import com.omniops.events.settlement.SettlementRow;
import com.omniops.events.settlement.SettlementRowKind;
import com.omniops.events.settlement.SettlementRowsRecorded;
import com.omniops.events.settlement.SettlementSource;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A settlement's import: started once per settlement id, rows recorded chunk by chunk in order (a chunk sent again
 * changes nothing), complete only with every row, flagged when the rows do not add up to the report's total.
 */
class SettlementTest {

    private static final String ID = "AMAZON~S-1";
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-11-15T00:00:00Z");
    private static final Instant DEPOSIT = Instant.parse("2026-11-17T07:00:00Z");
    private static final SettlementRow SALE = row(3, SettlementRowKind.PRINCIPAL, "95.00");
    private static final SettlementRow FEE = row(4, SettlementRowKind.COMMISSION, "-14.25");
    private static final SettlementRow STORAGE = row(5, SettlementRowKind.ACCOUNT_FEE, "-5.00");

    private AggregateTestFixture<Settlement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Settlement.class);
        fixture.registerInjectableResource(CLOCK);
    }

    private static SettlementRow row(long line, SettlementRowKind kind, String amount) {
        return new SettlementRow(line, kind, "Order", "302-1", new BigDecimal(amount), "ItemPrice / Principal",
                null, "HOME-001", 1, START);
    }

    private static StartSettlementImport start(String sha, long rows) {
        return new StartSettlementImport(ID, "AMAZON", SettlementSource.MARKETPLACE_REPORT, "S-1", START, END,
                DEPOSIT, Money.of("75.75", "EUR"), rows, "s1.txt", sha, "finance.anna");
    }

    private static SettlementImportStarted started(long rows) {
        return new SettlementImportStarted(ID, "AMAZON", SettlementSource.MARKETPLACE_REPORT, "S-1", START, END,
                DEPOSIT, Money.of("75.75", "EUR"), rows, "s1.txt", "abc", "finance.anna", NOW);
    }

    @Test
    void aNewSettlementStartsWithItsSummary() {
        fixture.givenNoPriorActivity()
                .when(start("abc", 3))
                .expectEvents(started(3))
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.hasToString(
                        org.hamcrest.Matchers.containsString("status=IMPORTING, sameFile=true, nextChunk=0")));
    }

    @Test
    void theSameFileAgainFindsTheImportWhereItStands() {
        fixture.given(started(3), new SettlementRowsRecorded(ID, 0, List.of(SALE, FEE), NOW))
                .when(start("abc", 3))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.hasToString(
                        org.hamcrest.Matchers.containsString("sameFile=true, nextChunk=1, rowsRecorded=2")));
    }

    @Test
    void anotherFileWithTheSameIdIsToldApart() {
        fixture.given(started(3))
                .when(start("different", 3))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.hasToString(
                        org.hamcrest.Matchers.containsString("sameFile=false")));
    }

    @Test
    void chunksAreRecordedInOrderAndAChunkSentAgainChangesNothing() {
        fixture.given(started(3))
                .when(new RecordSettlementRows(ID, 0, List.of(SALE, FEE)))
                .expectEvents(new SettlementRowsRecorded(ID, 0, List.of(SALE, FEE), NOW));
        fixture.given(started(3), new SettlementRowsRecorded(ID, 0, List.of(SALE, FEE), NOW))
                .when(new RecordSettlementRows(ID, 0, List.of(SALE, FEE)))
                .expectNoEvents();
        fixture.given(started(3))
                .when(new RecordSettlementRows(ID, 1, List.of(STORAGE)))
                .expectException(violation(ErrorCode.SETTLEMENT_STATE_CONFLICT));
    }

    @Test
    void noMoreRowsThanTheFileHad() {
        fixture.given(started(2))
                .when(new RecordSettlementRows(ID, 0, List.of(SALE, FEE, STORAGE)))
                .expectException(violation(ErrorCode.SETTLEMENT_STATE_CONFLICT));
    }

    @Test
    void completeOnlyWithEveryRow() {
        fixture.given(started(3), new SettlementRowsRecorded(ID, 0, List.of(SALE, FEE), NOW))
                .when(new CompleteSettlementImport(ID))
                .expectException(violation(ErrorCode.SETTLEMENT_STATE_CONFLICT));
    }

    @Test
    void rowsThatAddUpToTheTotalCompleteWithoutException() {
        fixture.given(started(3), new SettlementRowsRecorded(ID, 0, List.of(SALE, FEE), NOW),
                        new SettlementRowsRecorded(ID, 1, List.of(STORAGE), NOW))
                .when(new CompleteSettlementImport(ID))
                .expectEvents(new SettlementImported(ID, "AMAZON", SettlementSource.MARKETPLACE_REPORT,
                        Money.of("75.75", "EUR"), 3, new BigDecimal("75.75"),
                        Map.of(SettlementRowKind.PRINCIPAL, new BigDecimal("95.00"),
                                SettlementRowKind.COMMISSION, new BigDecimal("-14.25"),
                                SettlementRowKind.ACCOUNT_FEE, new BigDecimal("-5.00")),
                        false, DEPOSIT, NOW));
    }

    @Test
    void rowsThatDoNotAddUpAreImportedAsAnException() {
        fixture.given(started(2), new SettlementRowsRecorded(ID, 0, List.of(SALE, FEE), NOW))
                .when(new CompleteSettlementImport(ID))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.matches(p -> p instanceof SettlementImported
                                        i && i.exception() && i.rowsTotal().compareTo(new BigDecimal("80.75")) == 0),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void completingTwiceChangesNothing() {
        SettlementImported imported = new SettlementImported(ID, "AMAZON", SettlementSource.MARKETPLACE_REPORT,
                Money.of("75.75", "EUR"), 0, BigDecimal.ZERO, Map.of(), true, DEPOSIT, NOW);
        fixture.given(started(0), imported)
                .when(new CompleteSettlementImport(ID))
                .expectNoEvents();
        fixture.given(started(0), imported)
                .when(new RecordSettlementRows(ID, 0, List.of(SALE)))
                .expectException(violation(ErrorCode.SETTLEMENT_STATE_CONFLICT));
        assertThat(imported.exception()).isTrue();
    }

    private static final SettlementImported IMPORTED = new SettlementImported(ID, "AMAZON",
            SettlementSource.MARKETPLACE_REPORT, Money.of("75.75", "EUR"), 3, new BigDecimal("75.75"), Map.of(), false,
            DEPOSIT, NOW);

    @Test
    void financeMatchesARowOfTheSettlementsChannelOnce() {
        fixture.given(started(3), IMPORTED)
                .when(new MatchSettlementRow(ID, 2, "o-9", "AMAZON", "mistyped id", "finance"))
                .expectEvents(new SettlementRowMatched(ID, 2, "o-9", "mistyped id", "finance", NOW));
        fixture.given(started(3), IMPORTED, new SettlementRowMatched(ID, 2, "o-9", null, "finance", NOW))
                .when(new MatchSettlementRow(ID, 2, "o-8", "AMAZON", null, "finance"))
                .expectException(violation(ErrorCode.SETTLEMENT_STATE_CONFLICT));
        fixture.given(started(3), IMPORTED)
                .when(new MatchSettlementRow(ID, 3, "o-9", "AMAZON", null, "finance"))
                .expectException(violation(ErrorCode.SETTLEMENT_ROW_NOT_FOUND));
        fixture.given(started(3), IMPORTED)
                .when(new MatchSettlementRow(ID, 0, "o-9", "WEB", null, "finance"))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
        fixture.given(started(3))
                .when(new MatchSettlementRow(ID, 0, "o-9", "AMAZON", null, "finance"))
                .expectException(violation(ErrorCode.SETTLEMENT_STATE_CONFLICT));
    }

    @Test
    void financeAcceptsAnOrdersARowsOrTheTotalsDifferenceWithAReason() {
        fixture.given(started(3), IMPORTED)
                .when(new AcceptSettlementDifference(ID, "o-9", "AMAZON", null, "rate change", "finance"))
                .expectEvents(new SettlementDifferenceAccepted(ID, "o-9", null, "rate change", "finance", NOW));
        fixture.given(started(3), IMPORTED)
                .when(new AcceptSettlementDifference(ID, null, null, 1L, "bank charge", "finance"))
                .expectEvents(new SettlementDifferenceAccepted(ID, null, 1L, "bank charge", "finance", NOW));
        fixture.given(started(3), IMPORTED)
                .when(new AcceptSettlementDifference(ID, null, null, null, "rounding", "finance"))
                .expectEvents(new SettlementDifferenceAccepted(ID, null, null, "rounding", "finance", NOW));
        fixture.given(started(3), IMPORTED)
                .when(new AcceptSettlementDifference(ID, "o-9", "AMAZON", 1L, "both", "finance"))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
        fixture.given(started(3), IMPORTED)
                .when(new AcceptSettlementDifference(ID, null, null, 5L, "no such row", "finance"))
                .expectException(violation(ErrorCode.SETTLEMENT_ROW_NOT_FOUND));
    }
}
