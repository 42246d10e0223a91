package com.omniops.command.period;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A month's close checklist as the query side evaluates it ({@code GET /api/periods/{period}/checklist}): it holds
 * every figure the checklist reads (settlements, the ledger and its processor, counts). Asked over HTTP with the
 * caller's own credentials, at {@code omniops.periods.query-side-url} (read at each call).
 */
@Component
public class PeriodChecklist {

    private static final Logger log = LoggerFactory.getLogger(PeriodChecklist.class);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final Environment environment;
    private final ObjectMapper json;

    public PeriodChecklist(Environment environment, ObjectMapper json) {
        this.environment = environment;
        this.json = json;
    }

    /** One item: its name, whether it passed, and what fails. */
    public record Item(String name, boolean ok, String detail) {
    }

    /** The checklist's items; every one must pass for the month to close. */
    public List<Item> evaluate(YearMonth period) {
        String base = environment.getProperty("omniops.periods.query-side-url", "http://127.0.0.1:8081");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/periods/" + period
                + "/checklist")).timeout(Duration.ofSeconds(30)).GET();
        String authorization = callersAuthorization();
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable(base, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(base, "interrupted");
        }
        if (response.statusCode() != 200) {
            throw unavailable(base, "HTTP " + response.statusCode() + " " + response.body());
        }
        try {
            List<Item> items = new ArrayList<>();
            for (JsonNode check : json.readTree(response.body()).path("checks")) {
                items.add(new Item(check.path("name").asText(), check.path("ok").asBoolean(),
                        check.path("detail").asText(null)));
            }
            if (items.isEmpty()) {
                throw unavailable(base, "the answer names no checks");
            }
            return items;
        } catch (IOException e) {
            throw unavailable(base, e.toString());
        }
    }

    private static String callersAuthorization() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getHeader(HttpHeaders.AUTHORIZATION);
        }
        return null;
    }

    private static BusinessRuleViolation unavailable(String base, String why) {
        log.warn("Period checklist from {} unavailable: {}", base, why);
        return new BusinessRuleViolation(ErrorCode.CHECKLIST_UNAVAILABLE, "The close checklist could not be "
                + "evaluated (the query side at " + base + " did not answer it); nothing was closed. Retry later.",
                Map.of("queryService", base));
    }
}
