package com.omniops.system.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.omniops.support.web.ErrorCode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Both apps speak one vocabulary of problem codes: every enum implementing app-support's {@link ErrorCode} (found in
 * the classes of all modules, not listed here) gives a code it shares with another one the same HTTP status.
 */
class OneErrorVocabularyTest {

    /**
     * Codes that already meant different statuses in the two apps before they shared a vocabulary; they stay as they
     * are because clients rely on them. UNKNOWN_CHANNEL: a command naming an unknown channel is unprocessable (422),
     * a query for an unknown channel's figures is a missing resource (404).
     */
    private static final Map<String, String> KNOWN_DIFFERENCES = Map.of("UNKNOWN_CHANNEL", "422 command, 404 query");

    @Test
    void aCodeMeansOneStatusInEveryVocabulary() {
        List<Class<?>> vocabularies = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.omniops").stream()
                .filter(c -> c.isEnum() && c.isAssignableTo(ErrorCode.class))
                .map(JavaClass::reflect).collect(Collectors.toList());
        assertThat(vocabularies).extracting(Class::getSimpleName)
                .contains("CommonErrorCode", "ErrorCode", "QueryErrorCode");

        Map<String, Map<Integer, List<String>>> statusesByCode = new TreeMap<>();
        for (Class<?> vocabulary : vocabularies) {
            for (Object constant : vocabulary.getEnumConstants()) {
                ErrorCode code = (ErrorCode) constant;
                statusesByCode.computeIfAbsent(code.name(), c -> new TreeMap<>())
                        .computeIfAbsent(code.httpStatus(), s -> new ArrayList<>())
                        .add(vocabulary.getName());
            }
        }
        Map<String, Map<Integer, List<String>>> conflicting = statusesByCode.entrySet().stream()
                .filter(e -> e.getValue().size() > 1 && !KNOWN_DIFFERENCES.containsKey(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(conflicting).as("codes with different statuses in different vocabularies").isEmpty();
        assertThat(KNOWN_DIFFERENCES.keySet()).as("known differences that still exist")
                .allSatisfy(code -> assertThat(statusesByCode.get(code)).hasSizeGreaterThan(1));
    }
}
