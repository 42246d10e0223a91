package com.omniops.command.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class OpenApiConfiguration {

    @Bean
    public OpenAPI commandApi() {
        return new OpenAPI().info(new Info().title("OmniOps command API").version("v1").description(
                "Commands that change the business: products, channels, stock, orders. Every POST accepts an "
                        + "Idempotency-Key header; errors are RFC 9457 problem+json with a stable `code`."));
    }
}
