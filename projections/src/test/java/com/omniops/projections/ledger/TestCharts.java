package com.omniops.projections.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * The demo merchant's chart, bound from omniops-ledger.yml as Spring binds it when the app
 * starts: the tests post with the accounts the app posts with, and the file is checked to bind and to pass the
 * chart's own validation.
 */
final class TestCharts {

    private static final Path DEMO = Path.of("src", "main", "resources", "omniops-ledger.yml");

    private TestCharts() {
    }

    static ChartOfAccounts demo() {
        StandardEnvironment environment = new StandardEnvironment();
        try {
            new YamlPropertySourceLoader().load("omniops-ledger", new FileSystemResource(DEMO))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Binder binder = new Binder(ConfigurationPropertySources.get(environment));
        return binder.bindOrCreate("omniops.ledger", ChartOfAccounts.class);
    }
}
