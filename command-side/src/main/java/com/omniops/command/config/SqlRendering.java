package com.omniops.command.config;

import org.jooq.conf.RenderKeywordCase;
import org.jooq.conf.RenderQuotedNames;
import org.springframework.boot.autoconfigure.jooq.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's statements read as plain SQL ({@code INSERT INTO order_reference ...}) in logs and in
 * {@code pg_stat_activity}, where operators (and the tests of a waiting twin request) look for them. Every generated
 * name is lower case, so leaving it unquoted names the same table or column.
 */
@Configuration(proxyBeanMethods = false)
public class SqlRendering {

    @Bean
    public DefaultConfigurationCustomizer plainStatements() {
        return configuration -> configuration.settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withRenderKeywordCase(RenderKeywordCase.UPPER);
    }
}
