package com.omniops.query.config;

import com.omniops.events.json.EventJson;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /**
     * Reads stored events with the contract's own mapper, so {@code spring.jackson.*} settings (made for the HTTP
     * API) can never change how events are read or written.
     */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    }
}
