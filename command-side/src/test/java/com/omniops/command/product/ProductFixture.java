package com.omniops.command.product;

import com.omniops.command.support.InMemoryLookups;
import com.omniops.events.product.ProductRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;

/** The product the product slice tests work on (SKU-1, a lamp) with the channels WEB and MKT known. */
public final class ProductFixture {

    public static final ProductRegistered REGISTERED = new ProductRegistered("SKU-1", "Lamp", "EA", "STANDARD", NOW);

    private ProductFixture() {
    }

    /** A fresh fixture per test over an empty catalog. */
    public static AggregateTestFixture<Product> create() {
        return create(new InMemoryLookups.Catalog());
    }

    /** A fresh fixture per test over the given catalog, which the test may fill to make SKUs or listings taken. */
    public static AggregateTestFixture<Product> create(InMemoryLookups.Catalog catalog) {
        AggregateTestFixture<Product> fixture = new AggregateTestFixture<>(Product.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(catalog);
        fixture.registerInjectableResource(new InMemoryLookups.Channels("WEB", "MKT"));
        return fixture;
    }
}
