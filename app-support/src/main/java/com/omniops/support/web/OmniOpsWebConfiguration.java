package com.omniops.support.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The edge both apps share below their controllers: the check of path variables and query parameters
 * ({@link RequestInputGuard}), and problem+json for every answer the framework or the container gives on its own
 * (the error page, Spring Security's firewall, Tomcat's URL rejections), and what their OpenAPI documents share.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OmniOpsWebConfiguration {

    @Bean
    public WebMvcConfigurer requestInputGuard() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RequestInputGuard());
            }
        };
    }

    /** Unique schema names in both OpenAPI documents (see {@link ApiDocs.EnclosingClassNames}). */
    @Bean
    public ModelResolver omniOpsModelResolver(ObjectProvider<ObjectMapperProvider> springdocMappers) {
        ObjectMapperProvider provider = springdocMappers.getIfAvailable();
        return ApiDocs.modelResolver(provider != null ? provider.jsonMapper() : Json.mapper());
    }

    @Bean
    public OpenApiCustomizer problemSchema() {
        return ApiDocs::addProblemSchema;
    }

    @Bean
    public OperationCustomizer problemResponses() {
        return (operation, handlerMethod) -> ApiDocs.addProblemResponses(operation);
    }

    @Bean
    public ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** StrictHttpFirewall's refusals ('..', '//', encoded '.', ';' and the like) are problems, not Boot's JSON. */
    @Bean
    public RequestRejectedHandler problemRequestRejectedHandler() {
        return (request, response, rejected) -> ProblemResponses.write(request, response, HttpStatus.BAD_REQUEST,
                ProblemResponses.REQUEST_REJECTED, ProblemResponses.REJECTED_DETAIL);
    }

    /**
     * Swaps the host's HTML error report valve (Boot adds one as well) for {@link ProblemErrorReportValve}; runs after
     * Boot's own customizer so it sees, and removes, Boot's valve.
     */
    @Bean
    @ConditionalOnClass(StandardHost.class)
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        return new OrderedCustomizer();
    }

    static final class OrderedCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (host instanceof StandardHost standardHost) {
                    standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
                host.getPipeline().addValve(new ProblemErrorReportValve());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
