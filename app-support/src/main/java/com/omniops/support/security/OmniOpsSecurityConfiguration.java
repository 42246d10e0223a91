package com.omniops.support.security;

import com.omniops.support.web.ProblemResponses;
import com.omniops.support.web.RequestIds;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Security for both apps: every request is matched against the app's {@link AccessRules}; what no rule covers is
 * denied. Callers authenticate with HTTP Basic against the configured users (default, demo) or with a JWT (mode JWT).
 * Sessions are never created; 401 and 403 are problem+json like every other error.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication
@EnableWebSecurity
@EnableConfigurationProperties(SecuritySettings.class)
public class OmniOpsSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OmniOpsSecurityConfiguration.class);

    @Bean
    public SecurityFilterChain omniOpsFilterChain(HttpSecurity http, AccessRules accessRules,
                                                  SecuritySettings settings) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable) // no cookies, no sessions: nothing for CSRF to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(Customizer.withDefaults())
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; "
                                + "img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            if (settings.getMode() == SecuritySettings.Mode.BASIC) {
                                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"omniops\"");
                            } else {
                                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            }
                            ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                                    "Sign in first: this endpoint needs an authenticated user.");
                        })
                        .accessDeniedHandler((request, response, ex) -> ProblemResponses.write(request, response,
                                HttpStatus.FORBIDDEN, "FORBIDDEN", "Your roles do not allow this request.")))
                .authorizeHttpRequests(authorize -> {
                    for (AccessRule rule : accessRules.rules()) {
                        var matcher = rule.method() == null ? authorize.requestMatchers(rule.pattern())
                                : authorize.requestMatchers(rule.method(), rule.pattern());
                        if (rule.open()) {
                            matcher.permitAll();
                        } else {
                            matcher.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
                        }
                    }
                    authorize.anyRequest().denyAll();
                });
        if (settings.getCors().getAllowedOrigins().isEmpty()) {
            http.cors(AbstractHttpConfigurer::disable);
        } else {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(settings.getCors().getAllowedOrigins());
            cors.setAllowedMethods(settings.getCors().getAllowedMethods());
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id",
                    "X-Correlation-Id"));
            UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/api/**", cors);
            http.cors(c -> c.configurationSource(source));
        }
        if (settings.getMode() == SecuritySettings.Mode.JWT) {
            http.oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(
                    new JwtActorConverter(settings.getJwt()))));
            log.info("Security: JWT bearer tokens (roles claim '{}', channel claim '{}')",
                    settings.getJwt().getRolesClaim(), settings.getJwt().getChannelClaim());
        } else {
            http.httpBasic(b -> b.authenticationEntryPoint((request, response, ex) -> {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"omniops\"");
                ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                        "The user name or password is not valid.");
            }));
            http.authenticationManager(new ProviderManager(basicUsers(settings)));
            log.info("Security: HTTP Basic with {} configured users", settings.getUsers().size());
        }
        return http.build();
    }

    private static CachingAuthenticationProvider basicUsers(SecuritySettings settings) {
        Map<String, UserDetails> users = new HashMap<>();
        for (SecuritySettings.UserEntry entry : settings.getUsers()) {
            if (entry.getRoles().contains(Role.SYSTEM)) {
                throw new IllegalStateException("User " + entry.getUsername() + ": SYSTEM is not a login role");
            }
            String hash = entry.getPassword().replaceFirst("^\\{bcrypt}", "");
            users.put(entry.getUsername(), new OmniOpsUser(entry.getUsername(), hash, entry.getRoles(),
                    entry.getChannel()));
        }
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(username -> {
            UserDetails user = users.get(username);
            if (user == null) {
                throw new UsernameNotFoundException("unknown user");
            }
            // a fresh copy: Spring Security erases credentials on the instance it authenticated
            OmniOpsUser known = (OmniOpsUser) user;
            return new OmniOpsUser(known.getUsername(), known.getPassword(),
                    known.getAuthorities().stream().map(a -> Role.valueOf(a.getAuthority().substring(5))).toList(),
                    known.channel());
        });
        provider.setPasswordEncoder(new BCryptPasswordEncoder());
        return new CachingAuthenticationProvider(provider, Duration.ofMinutes(5));
    }

    /**
     * No Micrometer observation per security filter, authentication and authorization decision: with the actuator
     * on the classpath Spring Security wraps each of the chain's filters in one (timers, long-task timers and event
     * counters per request), about 5 % of an app's CPU under load for metrics nobody reads. Requests stay observed as
     * a whole ({@code http.server.requests}).
     */
    @Bean
    @ConditionalOnMissingBean(SecurityObservationSettings.class)
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The access matrix, collected from the endpoints' {@link AllowedRoles}. */
    @Bean
    @ConditionalOnMissingBean(AccessRules.class)
    public AccessRules accessRules(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        return new HandlerAccessRules(mappings);
    }

    /** Request ids are assigned before security runs, so even a 401 can be traced. */
    @Bean
    public FilterRegistrationBean<RequestIds> requestIdFilter() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The OpenAPI documents say how to authenticate. */
    @Bean
    public OpenApiCustomizer securitySchemes(SecuritySettings settings) {
        return openApi -> {
            Components components = openApi.getComponents() != null ? openApi.getComponents() : new Components();
            components.addSecuritySchemes("basicAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("basic").description("Built-in users (default and demo mode); see README"));
            components.addSecuritySchemes("bearerAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT").description("OAuth2 access token (mode JWT)"));
            openApi.setComponents(components);
            openApi.addSecurityItem(new SecurityRequirement().addList(
                    settings.getMode() == SecuritySettings.Mode.JWT ? "bearerAuth" : "basicAuth"));
        };
    }
}
