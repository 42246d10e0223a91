package com.omniops.support.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How both apps read JSON request bodies: strictly. Jackson's defaults are kind to sloppy clients in ways that
 * change what a command means — {@code 1.5} units become 1, {@code {} garbage} is read as {@code {}}, the number
 * {@code 20240101} becomes the epoch day of the year 57385, {@code []} becomes no date at all, {@code 0} becomes the
 * first constant of an enum. Here each of those is a parse error that names the field, so the caller learns of it.
 *
 * <p>This applies to Spring's HTTP {@code ObjectMapper} only; stored events are read and written by the contract's
 * own pinned mapper ({@code EventJson}) and never see these settings.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** Applies the strict reading rules to a mapper (Spring's HTTP mapper, or one in a test). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        // Registered last, so these win over the JavaTimeModule's lenient readers of the same types.
        mapper.registerModule(businessDates());
        return mapper;
    }

    /** Dates and instants as ISO-8601 strings within {@link BusinessDates}, nothing else. */
    public static SimpleModule businessDates() {
        SimpleModule module = new SimpleModule("omniops-business-dates");
        module.addDeserializer(LocalDate.class,
                new IsoOnly<>(LocalDate.class, LocalDate::parse, BusinessDates::inRange));
        module.addDeserializer(Instant.class, new IsoOnly<>(Instant.class, Instant::parse, BusinessDates::inRange));
        return module;
    }

    /** Reads a value from an ISO-8601 string only; refuses numbers, arrays, objects, empty strings and the far past. */
    private static final class IsoOnly<T> extends StdScalarDeserializer<T> {

        private final transient Function<String, T> parse;
        private final transient Predicate<T> inRange;

        IsoOnly(Class<T> type, Function<String, T> parse, Predicate<T> inRange) {
            super(type);
            this.parse = parse;
            this.inRange = inRange;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw MismatchedInputException.from(p, handledType(), BusinessDates.RANGE_MESSAGE);
            }
            String text = p.getText();
            T value;
            try {
                value = parse.apply(text);
            } catch (DateTimeException e) {
                throw InvalidFormatException.from(p, BusinessDates.RANGE_MESSAGE, text, handledType());
            }
            if (!inRange.test(value)) {
                throw InvalidFormatException.from(p, BusinessDates.RANGE_MESSAGE, text, handledType());
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }
}
