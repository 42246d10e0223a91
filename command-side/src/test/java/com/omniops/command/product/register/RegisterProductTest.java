package com.omniops.command.product.register;

import com.omniops.command.product.Product;
import com.omniops.command.product.ProductFixture;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.support.InMemoryLookups;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.product.ProductFixture.REGISTERED;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

/** A product is registered once per SKU. */
class RegisterProductTest {

    private AggregateTestFixture<Product> fixture;
    private InMemoryLookups.Catalog catalog;

    @BeforeEach
    void setUp() {
        catalog = new InMemoryLookups.Catalog();
        fixture = ProductFixture.create(catalog);
    }

    @Test
    void whenRegistering_thenProductRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProduct("SKU-1", "Lamp", "EA", "STANDARD"))
                .expectEvents(REGISTERED);
    }

    @Test
    void givenTheSkuIsTaken_whenRegistering_thenRejected() {
        catalog.skus.add("SKU-1");
        fixture.givenNoPriorActivity()
                .when(new RegisterProduct("SKU-1", "Lamp", "EA", "STANDARD"))
                .expectException(violation(ErrorCode.PRODUCT_ALREADY_EXISTS));
    }
}
