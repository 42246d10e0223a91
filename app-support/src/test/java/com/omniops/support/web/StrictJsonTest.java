package com.omniops.support.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP mapper as Spring Boot builds it, with the strict rules both apps add ({@link StrictJsonConfiguration}). */
class StrictJsonTest {

    enum Reason { DAMAGED, LOST }

    record Line(Integer quantity, int lineNo, BigDecimal unitPrice) {
    }

    record Body(LocalDate date, Instant at, Reason reason, List<Line> lines) {
    }

    private final ObjectMapper strict = strictMapper();

    private static ObjectMapper strictMapper() {
        Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json();
        new StrictJsonConfiguration().strictRequestJson().customize(builder);
        return builder.build();
    }

    private String fieldOf(String json) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> strict.readValue(json, Body.class));
        assertThat(thrown).as(json).isInstanceOf(MismatchedInputException.class);
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : ((JsonMappingException) thrown).getPath()) {
            path.append(reference.getFieldName() != null ? "/" + reference.getFieldName()
                    : "[" + reference.getIndex() + "]");
        }
        return path.toString();
    }

    @Test
    void wellFormedBodiesStillRead() throws Exception {
        Body body = strict.readValue("{\"date\":\"2026-12-10\",\"at\":\"2026-12-10T08:00:00Z\",\"reason\":\"LOST\","
                + "\"lines\":[{\"quantity\":3,\"lineNo\":1,\"unitPrice\":1e2}]}", Body.class);
        assertThat(body.date()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(body.at()).isEqualTo(Instant.parse("2026-12-10T08:00:00Z"));
        assertThat(body.reason()).isEqualTo(Reason.LOST);
        assertThat(body.lines().get(0).quantity()).isEqualTo(3);
        assertThat(body.lines().get(0).unitPrice()).isEqualByComparingTo("100");
        assertThat(strict.readValue("{\"at\":\"2026-12-10T09:00:00+01:00\"}", Body.class).at())
                .isEqualTo(Instant.parse("2026-12-10T08:00:00Z"));
        assertThat(strict.readValue("{\"date\":null}", Body.class).date()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "2.0", "1e0"})
    void fractionsAreNotTruncatedToWholeNumbers(String quantity) {
        assertThat(fieldOf("{\"lines\":[{\"quantity\":" + quantity + "}]}")).isEqualTo("/lines[0]/quantity");
        assertThat(fieldOf("{\"lines\":[{\"lineNo\":" + quantity + "}]}")).isEqualTo("/lines[0]/lineNo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} this is not json", "{}{}", "{} 1", "{\"reason\":\"LOST\"} ]"})
    void nothingMayFollowTheJsonValue(String json) {
        assertThatThrownBy(() -> strict.readValue(json, Body.class)).isInstanceOf(
                com.fasterxml.jackson.core.JacksonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20240101", "20240101.5", "[]", "[2024,1,1]", "\"\"", "\"2024/01/01\"", "{}", "true",
            "\"+999999999-12-31\"", "\"1999-12-31\"", "\"2101-01-01\""})
    void datesAreIsoStringsWithinTheBusinessRange(String date) {
        assertThat(fieldOf("{\"date\":" + date + "}")).isEqualTo("/date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1700000000", "1700000000.5", "[]", "\"\"", "\"2024-01-01\"", "\"1999-12-31T23:59:59Z\"",
            "\"2101-01-01T00:00:00Z\""})
    void instantsAreIsoStringsWithinTheBusinessRange(String instant) {
        assertThat(fieldOf("{\"at\":" + instant + "}")).isEqualTo("/at");
    }

    @Test
    void theRangeBoundsThemselvesAreAccepted() throws Exception {
        assertThat(strict.readValue("{\"date\":\"2000-01-01\",\"at\":\"2100-12-31T23:59:59.999999999Z\"}",
                Body.class).date()).isEqualTo(BusinessDates.MIN_DATE);
    }

    @Test
    void enumsAreNamedNeverNumbered() {
        assertThat(fieldOf("{\"reason\":0}")).isEqualTo("/reason");
        assertThat(fieldOf("{\"reason\":\"BORED\"}")).isEqualTo("/reason");
    }
}
