package com.omniops.command.support;

import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

public final class Violations {

    public static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Violations() {
    }

    /** Matches a BusinessRuleViolation carrying the given stable error code. */
    public static Matcher<BusinessRuleViolation> violation(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(BusinessRuleViolation e) {
                return e.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a business rule violation with code " + code);
            }

            @Override
            protected void describeMismatchSafely(BusinessRuleViolation e, Description description) {
                description.appendText("code was " + e.code() + " (" + e.getMessage() + ")");
            }
        };
    }
}
