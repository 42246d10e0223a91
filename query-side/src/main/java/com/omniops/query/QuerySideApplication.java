package com.omniops.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The query side: hosts the projections (streaming processors reading the shared event store) and the dashboard
 * query API. It never sends business commands and never imports the command side.
 */
@SpringBootApplication(scanBasePackages = {"com.omniops.query", "com.omniops.projections"})
public class QuerySideApplication {

    /** Both apps share a test classpath, so each reads its own config file name instead of application.yml. */
    public static final String CONFIG_NAME = "query-side";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        // Axon's update checker would call home; opt out unless the operator decided otherwise.
        System.setProperty("axoniq.update-checker.disabled",
                System.getProperty("axoniq.update-checker.disabled", "true"));
        return new SpringApplicationBuilder(QuerySideApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
