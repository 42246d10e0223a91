package com.omniops.query.config;

import com.omniops.events.json.EventJson;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /**
     * Reads stored events with the contract's own mapper, so {@code spring.jackson.*} settings (made for the HTTP
     * API) can never change how events are read or written.
     */
    /**
     * Tokens, dead letters and other messages are stored with the same pinned mapper: Spring's HTTP mapper is strict
     * and tuned for the API (app-support's StrictJson, {@code spring.jackson.*}), which must not decide how anything
     * is stored. The command side does the same ({@code AxonConfiguration}).
     */
    @Bean
    @Primary
    public Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    }
}
