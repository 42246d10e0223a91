package com.omniops.system.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.omniops.events.channel.ChannelEvent;
import com.omniops.events.json.EventJson;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.query.audit.explain.AvailabilityExplainer;
import com.omniops.query.audit.state.AuditStateFolder;
import com.omniops.query.audit.state.BusinessTime;
import com.omniops.system.support.IsolatedApps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each fold over events is a pattern switch over a sealed event interface without a default branch, so the compiler
 * already refuses a fold that forgets an event type of an interface it switches on. What the compiler cannot see is
 * checked here: every sealed event interface of the contract (found in the shared-events classes, not listed here)
 * has exactly one audit folder and is known to the business-time lookup; and every approved JSON sample of every event
 * (shared-events' own {@code approved-events}) goes through its folder, the business-time lookup and, for stock
 * events, the availability explanation without failing.
 */
class EveryEventIsFoldedTest {

    private static final Path APPROVED = Path.of("..", "shared-events", "src", "test", "resources",
            "approved-events");

    private static Map<Class<?>, AuditStateFolder<?, ?>> folders;
    private static ObjectMapper http;

    @BeforeAll
    static void querySide() {
        var context = IsolatedApps.get().querySide();
        @SuppressWarnings({"rawtypes", "unchecked"})
        Collection<AuditStateFolder<?, ?>> all = (Collection) context.getBeansOfType(AuditStateFolder.class).values();
        folders = all.stream().collect(Collectors.toMap(AuditStateFolder::events, Function.identity()));
        http = context.getBean(ObjectMapper.class);
    }

    @Test
    void everySealedEventInterfaceHasOneFolder() {
        // that each folder names every event type of its interface is checked by the compiler (see the class doc)
        assertThat(folders.keySet()).containsExactlyInAnyOrderElementsOf(sealedEventInterfaces());
        assertThat(folders.keySet()).allSatisfy(events -> assertThat(events.isSealed()).isTrue());
        assertThat(folders.values()).extracting(AuditStateFolder::aggregateType).doesNotHaveDuplicates()
                .hasSameSizeAs(folders.keySet());
    }

    @Test
    void theBusinessTimeAndTheExplanationKnowEveryEventType() {
        Set<Class<?>> events = allEventTypes();
        assertThat(BusinessTime.knownTypes()).containsExactlyInAnyOrderElementsOf(events);
        // the explanation's reference is a switch over StockItemEvent: the compiler checks it names every type
    }

    @TestFactory
    Stream<DynamicTest> everyApprovedSampleGoesThroughItsFolderTheBusinessTimeAndTheExplanation() {
        Map<String, Class<?>> bySimpleName = allEventTypes().stream()
                .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));
        Set<String> samples = sampleNames();
        assertThat(samples).as("an approved sample of every event type in " + APPROVED.toAbsolutePath())
                .containsAll(bySimpleName.keySet());
        return bySimpleName.values().stream().sorted((a, b) -> a.getSimpleName().compareTo(b.getSimpleName()))
                .map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
                    Object event = EventJson.mapper().readValue(APPROVED.resolve(type.getSimpleName() + ".json")
                            .toFile(), type);
                    AuditStateFolder<?, ?> folder = folders.get(sealedInterfaceOf(type));
                    assertThat(folder).as("folder of " + type.getSimpleName()).isNotNull();
                    Object state = fold(folder, event);
                    assertThatCode(() -> http.writeValueAsString(state)).as("state after " + type.getSimpleName()
                            + " as JSON").doesNotThrowAnyException();
                    assertThat(BusinessTime.of(event)).as("business time of " + type.getSimpleName()).isNotNull();
                    if (event instanceof StockItemEvent stockEvent) {
                        assertThat(AvailabilityExplainer.reference(stockEvent)).isNotBlank();
                    }
                }));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object fold(AuditStateFolder folder, Object event) {
        Object initial = folder.initial("audit-sample");
        return folder.apply(initial, event);
    }

    private static Class<?> sealedInterfaceOf(Class<?> eventType) {
        return Arrays.stream(eventType.getInterfaces()).filter(Class::isSealed).findFirst()
                .orElseThrow(() -> new AssertionError(eventType + " implements no sealed event interface"));
    }

    private static Set<Class<?>> allEventTypes() {
        return sealedEventInterfaces().stream().flatMap(i -> Arrays.stream(i.getPermittedSubclasses()))
                .collect(Collectors.toSet());
    }

    private static Set<String> sampleNames() {
        try (Stream<Path> files = Files.list(APPROVED)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every sealed interface among the classes of the shared-events module (a directory or a jar). */
    static List<Class<?>> sealedEventInterfaces() {
        try {
            Path location = Path.of(ChannelEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return sealedInterfacesUnder(location);
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return sealedInterfacesUnder(jar.getPath("/"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Class<?>> sealedInterfacesUnder(Path root) throws IOException {
        Map<String, Class<?>> found = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/').replace('/', '.');
                name = name.substring(0, name.length() - ".class".length());
                if (!name.startsWith("com.omniops.events.") || name.contains("$")) {
                    continue;
                }
                try {
                    Class<?> type = Class.forName(name);
                    if (type.isInterface() && type.isSealed()) {
                        found.put(name, type);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(found.values());
    }
}
