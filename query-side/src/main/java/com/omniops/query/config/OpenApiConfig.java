package com.omniops.query.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    @Bean
    public OpenAPI omniOpsQueryApi() {
        return new OpenAPI().info(new Info()
                .title("OmniOps dashboard query API")
                .version("v1")
                .description("""
                        Read-only views projected from the event store: channel stock availability, the order \
                        status board, purchasing and incoming stock, returns and refunds, daily demand and \
                        forecasts. Figures are eventually consistent with the command side (usually well under a \
                        second). Audit (/api/audit): event history, search and export, state as of an instant, \
                        explanations of figures, tamper-evident hash chain. Admin (/api/admin): event processors, \
                        rebuilds, verification, dead letters. Lists are paged: `page` is 0-based (default 0), \
                        `size` defaults to 20 (max 200). \
                        Every error is an RFC 9457 problem (`application/problem+json`) with a stable `code`."""));
    }
}
