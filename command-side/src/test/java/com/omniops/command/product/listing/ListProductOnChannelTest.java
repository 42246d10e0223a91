package com.omniops.command.product.listing;

import com.omniops.command.product.Product;
import com.omniops.command.product.ProductFixture;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.support.InMemoryLookups;
import com.omniops.events.product.ProductDiscontinued;
import com.omniops.events.product.ProductListedOnChannel;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.product.ProductFixture.REGISTERED;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

/** A product is listed on a known channel under a channel SKU that is unique there. */
class ListProductOnChannelTest {

    private AggregateTestFixture<Product> fixture;
    private InMemoryLookups.Catalog catalog;

    @BeforeEach
    void setUp() {
        catalog = new InMemoryLookups.Catalog();
        fixture = ProductFixture.create(catalog);
    }

    @Test
    void givenRegistered_whenListingOnAChannel_thenListed() {
        fixture.given(REGISTERED)
                .when(new ListProductOnChannel("SKU-1", "WEB", "W-1"))
                .expectEvents(new ProductListedOnChannel("SKU-1", "WEB", "W-1", NOW));
    }

    @Test
    void givenListed_whenListingTheSameAgain_thenNothingChanges() {
        fixture.given(REGISTERED, new ProductListedOnChannel("SKU-1", "WEB", "W-1", NOW))
                .when(new ListProductOnChannel("SKU-1", "WEB", "W-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenListed_whenListingOnTheSameChannelUnderAnotherSku_thenRejected() {
        fixture.given(REGISTERED, new ProductListedOnChannel("SKU-1", "WEB", "W-1", NOW))
                .when(new ListProductOnChannel("SKU-1", "WEB", "W-2"))
                .expectException(violation(ErrorCode.PRODUCT_ALREADY_LISTED));
    }

    @Test
    void givenAnotherProductUsesTheChannelSku_whenListing_thenRejected() {
        catalog.listings.add("WEB/W-1");
        fixture.given(REGISTERED)
                .when(new ListProductOnChannel("SKU-1", "WEB", "W-1"))
                .expectException(violation(ErrorCode.CHANNEL_SKU_TAKEN));
    }

    @Test
    void givenRegistered_whenListingOnAnUnknownChannel_thenRejected() {
        fixture.given(REGISTERED)
                .when(new ListProductOnChannel("SKU-1", "NOPE", "W-1"))
                .expectException(violation(ErrorCode.UNKNOWN_CHANNEL));
    }

    @Test
    void givenDiscontinued_whenListing_thenRejected() {
        fixture.given(REGISTERED, new ProductDiscontinued("SKU-1", "end of line", NOW))
                .when(new ListProductOnChannel("SKU-1", "WEB", "W-1"))
                .expectException(violation(ErrorCode.PRODUCT_DISCONTINUED));
    }
}
