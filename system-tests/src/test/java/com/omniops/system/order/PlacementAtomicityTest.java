package com.omniops.system.order;

import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static com.omniops.system.support.TestMerchant.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A placement that fails at its very last write (the OrderPlaced event, stored after all StockReserved events of the
 * same transaction) must leave no reservation behind. The failure is real: a database trigger refuses that insert.
 */
class PlacementAtomicityTest {

    private final TestMerchant merchant = new TestMerchant();
    private final JdbcTemplate jdbc = TestApps.commandSide().getBean(JdbcTemplate.class);

    @AfterEach
    void removeTrigger() {
        jdbc.execute("DROP TRIGGER IF EXISTS fail_order_placed ON DomainEventEntry");
        jdbc.execute("DROP FUNCTION IF EXISTS fail_order_placed()");
    }

    @Test
    void aPlacementThatCrashesAfterReservingLeavesNoReservation() {
        String east = merchant.id("EAST");
        String west = merchant.id("WEST");
        String channel = merchant.channel(List.of(east, west), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(east, sku, 2, "10.00");
        merchant.receive(west, sku, 2, "10.00");
        int eventsBefore = eventCount();

        jdbc.execute("""
                CREATE FUNCTION fail_order_placed() RETURNS trigger AS $$
                BEGIN
                  IF NEW.payloadType = 'com.omniops.events.order.OrderPlaced' THEN
                    RAISE EXCEPTION 'simulated crash while storing OrderPlaced';
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""");
        jdbc.execute("CREATE TRIGGER fail_order_placed BEFORE INSERT ON DomainEventEntry FOR EACH ROW "
                + "EXECUTE FUNCTION fail_order_placed()");

        Http.Response failed = merchant.placeOrder(channel, line(sku, 3));
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.code()).isEqualTo("INTERNAL_ERROR");
        assertThat(failed.raw().body()).doesNotContain("simulated crash").doesNotContain("SQL");

        assertThat(eventCount()).as("no StockReserved event survived the failed placement").isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM order_reference WHERE channel_id = ?", Integer.class,
                channel)).as("the channel reference was not claimed").isZero();

        removeTrigger();
        Http.Response retried = merchant.placeOrder(channel, line(sku, 4));
        assertThat(retried.status()).as("all four units are still available: nothing was held back by the crash")
                .isEqualTo(201);
    }

    private int eventCount() {
        // alerts are raised by a policy, a moment after the earlier requests that caused them: not this request's writes
        Integer n = jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry"
                + " WHERE aggregateIdentifier NOT LIKE 'alert~%'", Integer.class);
        return n == null ? 0 : n;
    }
}
