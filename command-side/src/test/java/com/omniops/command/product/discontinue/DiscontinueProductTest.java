package com.omniops.command.product.discontinue;

import com.omniops.command.product.Product;
import com.omniops.command.support.InMemoryLookups;
import com.omniops.events.product.ProductDiscontinued;
import com.omniops.events.product.ProductRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;

/** A product is discontinued once. */
class DiscontinueProductTest {

    private static final ProductRegistered REGISTERED = new ProductRegistered("SKU-1", "Lamp", "EA", "STANDARD", NOW);

    private AggregateTestFixture<Product> fixture;
    private InMemoryLookups.Catalog catalog;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
        catalog = new InMemoryLookups.Catalog();
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(catalog);
        fixture.registerInjectableResource(new InMemoryLookups.Channels("WEB", "MKT"));
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
