package com.omniops.support.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestInputGuardTest {

    private final RequestInputGuard guard = new RequestInputGuard();

    @Test
    void idsOfEveryKindThisSystemUsesPass() {
        assertThat(guard.preHandle(request(Map.of("aggregateId", "rule~WH-1:SKU_2.a",
                "orderId", "3f2b9c1e-7a4d-4e0f-9b8a-1c2d3e4f5a6b", "name", "order-board")),
                new MockHttpServletResponse(), null)).isTrue();
    }

    @Test
    void aMalformedPathIdIsRefusedNamingTheVariable() {
        for (String hostile : new String[]{"a b", "a'b", "a\u0000b", "..", "a/b", "a\\b", "W".repeat(201), ""}) {
            assertThatThrownBy(() -> guard.preHandle(request(Map.of("sku", hostile)), new MockHttpServletResponse(),
                    null))
                    .isInstanceOf(InvalidRequestInput.class)
                    .satisfies(e -> assertThat(((InvalidRequestInput) e).parameter()).isEqualTo("sku"));
        }
    }

    @Test
    void aControlCharacterInAQueryParameterIsRefusedNamingIt() {
        MockHttpServletRequest request = request(Map.of());
        request.addParameter("channel", "WEB\u0000");
        assertThatThrownBy(() -> guard.preHandle(request, new MockHttpServletResponse(), null))
                .isInstanceOf(InvalidRequestInput.class)
                .hasMessageContaining("control characters")
                .satisfies(e -> assertThat(((InvalidRequestInput) e).detail()).startsWith("Parameter 'channel'"));
    }

    private static MockHttpServletRequest request(Map<String, String> variables) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, variables);
        return request;
    }
}
