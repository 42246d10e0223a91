package com.omniops.query.alerts;

import com.omniops.query.config.AlertSettings;
import com.omniops.query.web.ApiException;
import com.omniops.query.web.QueryErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Passes an alert command from the dashboard (served here) to the command side, which decides it: the same path and
 * body, the caller's own {@code Authorization}, and the command side's answer (status, problem+json) returned as it
 * is. The query side itself writes nothing.
 */
@Component
class CommandSideForward {

    private static final Logger log = LoggerFactory.getLogger(CommandSideForward.class);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final AlertSettings settings;

    CommandSideForward(AlertSettings settings) {
        this.settings = settings;
    }

    ResponseEntity<String> postAlertCommand(String alertId, String action, String body, HttpServletRequest caller) {
        String base = settings.commandSideUrl();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/alerts/"
                        + URLEncoder.encode(alertId, StandardCharsets.UTF_8).replace("+", "%20") + "/" + action))
                .timeout(Duration.ofSeconds(30))
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .POST(HttpRequest.BodyPublishers.ofString(body == null || body.isBlank() ? "{}" : body));
        String authorization = caller.getHeader(HttpHeaders.AUTHORIZATION);
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
        return ResponseEntity.status(response.statusCode())
                .contentType(MediaType.parseMediaType(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)
                        .orElse(MediaType.APPLICATION_JSON_VALUE)))
                .body(response.body());
    }

    private static ApiException unavailable(String base, String why) {
        log.warn("Command side at {} unavailable for an alert command: {}", base, why);
        return new ApiException(QueryErrorCode.COMMAND_SIDE_UNAVAILABLE, "The command side at " + base
                + " did not answer; nothing was changed. Retry later.");
    }
}
