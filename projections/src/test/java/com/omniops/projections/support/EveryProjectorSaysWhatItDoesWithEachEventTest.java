package com.omniops.projections.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.omniops.events.json.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The compiler checks that each projector's {@code use(XxxEvent)} switch names every event type of the interface; this
 * checks that it tells the truth: {@link EventUse#APPLIED} exactly for the types the projector has an
 * {@code @EventHandler} for, a reason for every other one, and a {@code use} method for every interface it handles
 * events of. Each event type's approved JSON sample (shared-events) stands in for "an event of that type".
 */
class EveryProjectorSaysWhatItDoesWithEachEventTest {

    private static final Path APPROVED = Path.of("..", "shared-events", "src", "test", "resources",
            "approved-events");

    @TestFactory
    Stream<DynamicTest> eachProjectorsLedgerMatchesItsHandlers() {
        List<Class<?>> projectors = projectors();
        assertThat(projectors).as("projectors found under " + classesRoot()).hasSizeGreaterThanOrEqualTo(10);
        return projectors.stream().map(projector -> DynamicTest.dynamicTest(projector.getSimpleName(), () -> {
            Set<Class<?>> handled = Arrays.stream(projector.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(EventHandler.class))
                    .map(m -> m.getParameterTypes()[0]).collect(Collectors.toSet());
            List<Method> ledgers = Arrays.stream(projector.getDeclaredMethods())
                    .filter(m -> m.getName().equals("use") && Modifier.isStatic(m.getModifiers())
                            && m.getParameterCount() == 1 && m.getParameterTypes()[0].isSealed())
                    .toList();
            Set<Class<?>> interfaces = ledgers.stream().map(m -> m.getParameterTypes()[0]).collect(Collectors.toSet());
            for (Class<?> type : handled) {
                assertThat(interfaces).as("%s handles %s: a use(...) over its sealed interface",
                        projector.getSimpleName(), type.getSimpleName()).anyMatch(i -> i.isAssignableFrom(type));
            }
            for (Method ledger : ledgers) {
                ledger.setAccessible(true);
                for (Class<?> type : ledger.getParameterTypes()[0].getPermittedSubclasses()) {
                    Object sample = EventJson.mapper().readValue(APPROVED.resolve(type.getSimpleName() + ".json")
                            .toFile(), type);
                    EventUse use = (EventUse) ledger.invoke(null, sample);
                    // a handler of the sealed interface itself handles every type of it
                    boolean isHandled = handled.stream().anyMatch(h -> h.isAssignableFrom(type));
                    assertThat(use).as("%s says of %s", projector.getSimpleName(), type.getSimpleName())
                            .isInstanceOf(isHandled ? EventUse.Applied.class : EventUse.Ignored.class);
                }
            }
        }));
    }

    /** Every class of this module that declares its read model (what Spring finds as projector beans). */
    private static List<Class<?>> projectors() {
        Path root = classesRoot();
        try (Stream<Path> files = Files.walk(root)) {
            Set<String> names = files.map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.contains("/jooq/"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
            return names.stream().map(EveryProjectorSaysWhatItDoesWithEachEventTest::load)
                    .filter(c -> ReadModel.Declared.class.isAssignableFrom(c) && !c.isInterface()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path classesRoot() {
        try {
            return Path.of(ReadModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
