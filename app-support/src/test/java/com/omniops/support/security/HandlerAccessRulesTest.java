package com.omniops.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandlerAccessRulesTest {

    @AllowedRoles({Role.VIEWER, Role.ADMIN})
    static class Orders {
        public void list() {
        }

        @AllowedRoles(Role.ADMIN)
        public void export() {
        }

        public void one() {
        }
    }

    static class Commands {
        @AllowedRoles({Role.SALES, Role.ADMIN})
        public void place() {
        }

        @AllowedRoles(Role.FINANCE)
        public void pay() {
        }

        public void forgotten() {
        }
    }

    @Test
    void givenAnnotatedEndpoints_whenCollected_thenCommonRulesComeFirstAndLiteralPathsBeforeVariables() {
        Map<RequestMappingInfo, HandlerMethod> handlers = new LinkedHashMap<>();
        handlers.put(get("/api/orders/{orderId}"), handler(new Orders(), "one"));
        handlers.put(get("/api/orders/export"), handler(new Orders(), "export"));
        handlers.put(get("/api/orders"), handler(new Orders(), "list"));

        List<AccessRule> rules = HandlerAccessRules.collect(handlers);

        assertThat(rules.subList(0, AccessRules.COMMON.size())).isEqualTo(AccessRules.COMMON);
        List<AccessRule> own = rules.subList(AccessRules.COMMON.size(), rules.size());
        assertThat(own).extracting(AccessRule::pattern)
                .containsExactly("/api/orders/export", "/api/orders", "/api/orders/*");
        assertThat(own.get(0).roles()).isEqualTo(Set.of(Role.ADMIN));
        assertThat(own.get(2).roles()).isEqualTo(Set.of(Role.VIEWER, Role.ADMIN));
        // one audience per path: any method passes security, so a wrong method is answered 405 by MVC
        assertThat(own).allMatch(rule -> rule.method() == null && !rule.open());
    }

    @Test
    void givenTwoMethodsOfOnePathWithDifferentAudiences_whenCollected_thenOneRulePerMethod() {
        Map<RequestMappingInfo, HandlerMethod> handlers = new LinkedHashMap<>();
        handlers.put(RequestMappingInfo.paths("/api/orders").methods(RequestMethod.POST).build(),
                handler(new Commands(), "place"));
        handlers.put(RequestMappingInfo.paths("/api/orders").methods(RequestMethod.PUT).build(),
                handler(new Commands(), "pay"));

        List<AccessRule> own = HandlerAccessRules.collect(handlers).subList(AccessRules.COMMON.size(), 2
                + AccessRules.COMMON.size());

        assertThat(own).extracting(AccessRule::method).containsExactlyInAnyOrder(HttpMethod.POST, HttpMethod.PUT);
        assertThat(own).filteredOn(rule -> rule.method() == HttpMethod.PUT).singleElement()
                .extracting(AccessRule::roles).isEqualTo(Set.of(Role.FINANCE));
    }

    @Test
    void givenAnEndpointWithoutAllowedRoles_whenCollected_thenTheAppRefusesToStartNamingIt() {
        Map<RequestMappingInfo, HandlerMethod> handlers = new LinkedHashMap<>();
        handlers.put(RequestMappingInfo.paths("/api/orders/{id}/notes").methods(RequestMethod.POST).build(),
                handler(new Commands(), "forgotten"));

        assertThatThrownBy(() -> HandlerAccessRules.collect(handlers))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/api/orders/{id}/notes")
                .hasMessageContaining("Commands#forgotten");
    }

    @Test
    void givenTheApiDocumentsWithoutAllowedRoles_whenCollected_thenTheCommonRulesCoverThem() {
        Map<RequestMappingInfo, HandlerMethod> handlers = new LinkedHashMap<>();
        handlers.put(get("/v3/api-docs"), handler(new Commands(), "forgotten"));

        assertThat(HandlerAccessRules.collect(handlers)).isEqualTo(AccessRules.COMMON);
    }

    private static RequestMappingInfo get(String path) {
        return RequestMappingInfo.paths(path).methods(RequestMethod.GET).build();
    }

    private static HandlerMethod handler(Object bean, String method) {
        try {
            return new HandlerMethod(bean, bean.getClass().getMethod(method));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
