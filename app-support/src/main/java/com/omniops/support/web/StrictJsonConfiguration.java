package com.omniops.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** Both apps' HTTP mapper reads request bodies strictly ({@link StrictJson}); set here once for both. */
@AutoConfiguration
public class StrictJsonConfiguration {

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer strictRequestJson() {
        // postConfigurer runs after every module and feature the builder sets, so nothing undoes these rules.
        return builder -> builder.postConfigurer(StrictJson::apply);
    }
}
