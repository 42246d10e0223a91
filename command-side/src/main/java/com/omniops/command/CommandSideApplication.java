package com.omniops.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The write side: aggregates, command handlers and the command REST API (port 8080). */
@SpringBootApplication
public class CommandSideApplication {

    /** Its own config name, because both apps' jars can share one classpath (system tests, the demo runner). */
    public static SpringApplicationBuilder builder() {
        // Axon's update checker would call home; opt out unless the operator decided otherwise.
        System.setProperty("axoniq.update-checker.disabled",
                System.getProperty("axoniq.update-checker.disabled", "true"));
        return new SpringApplicationBuilder(CommandSideApplication.class).properties("spring.config.name=command-side");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
