package com.omniops.command.demo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

@Configuration
@Profile("demo")
public class DemoConfiguration {

    @Bean
    public DemoClock clock() {
        return new DemoClock();
    }
}
