package com.omniops.command.product.discontinue;

import com.omniops.command.product.Product;
import com.omniops.command.product.ProductFixture;
import com.omniops.events.product.ProductDiscontinued;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.product.ProductFixture.REGISTERED;
import static com.omniops.command.support.Violations.NOW;

/** A product is discontinued once. */
class DiscontinueProductTest {

    private AggregateTestFixture<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = ProductFixture.create();
    }

    @Test
    void givenRegistered_whenDiscontinuing_thenDiscontinuedOnce() {
        fixture.given(REGISTERED)
                .when(new DiscontinueProduct("SKU-1", "end of line"))
                .expectEvents(new ProductDiscontinued("SKU-1", "end of line", NOW));
        fixture.given(REGISTERED, new ProductDiscontinued("SKU-1", "end of line", NOW))
                .when(new DiscontinueProduct("SKU-1", "again"))
                .expectNoEvents();
    }
}
