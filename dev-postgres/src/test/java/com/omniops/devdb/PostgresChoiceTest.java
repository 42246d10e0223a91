package com.omniops.devdb;

import com.omniops.devdb.PostgresChoice.Kind;
import com.omniops.devdb.PostgresChoice.Mode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresChoiceTest {

    private final List<String> asked = new ArrayList<>();

    private BiPredicate<String, Integer> answering(boolean answers) {
        return (host, port) -> {
            asked.add(host + ":" + port);
            return answers;
        };
    }

    @Test
    void givenNothingConfigured_whenTheDefaultServerAnswers_thenItIsUsed() {
        PostgresChoice choice = PostgresChoice.choose(null, null, false, Mode.AUTO, answering(true));
        assertThat(choice.kind()).isEqualTo(Kind.RUNNING);
        assertThat(choice.host() + ":" + choice.port()).isEqualTo("127.0.0.1:5432");
        assertThat(asked).containsExactly("127.0.0.1:5432");
    }

    @Test
    void givenNothingConfigured_whenNothingAnswers_thenEmbedded() {
        PostgresChoice choice = PostgresChoice.choose(null, null, false, Mode.AUTO, answering(false));
        assertThat(choice.kind()).isEqualTo(Kind.EMBEDDED);
        assertThat(choice.description()).isEqualTo("nothing answers at 127.0.0.1:5432");
    }

    @Test
    void givenAConfiguredServer_whenItAnswers_thenItWins() {
        PostgresChoice choice = PostgresChoice.choose("db.local", 6543, true, Mode.FALLBACK, answering(true));
        assertThat(choice.kind()).isEqualTo(Kind.CONFIGURED);
        assertThat(choice.host() + ":" + choice.port()).isEqualTo("db.local:6543");
    }

    @Test
    void givenAConfiguredServer_whenItDoesNotAnswer_thenNoSilentFallback() {
        PostgresChoice choice = PostgresChoice.choose(null, 6543, true, Mode.AUTO, answering(false));
        assertThat(choice.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(choice.description()).contains("127.0.0.1:6543").contains("fallback");
    }

    @Test
    void givenAConfiguredServer_whenItDoesNotAnswerAndFallbackIsAllowed_thenEmbedded() {
        PostgresChoice choice = PostgresChoice.choose(null, 6543, true, Mode.FALLBACK, answering(false));
        assertThat(choice.kind()).isEqualTo(Kind.EMBEDDED);
    }

    @Test
    void givenEmbeddedSwitchedOff_whenNothingAnswers_thenUnavailable() {
        PostgresChoice choice = PostgresChoice.choose(null, null, false, Mode.OFF, answering(false));
        assertThat(choice.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(choice.description()).contains("switched off");
    }

    @Test
    void modesParseCaseInsensitivelyAndDefaultToAuto() {
        assertThat(Mode.parse(null)).isEqualTo(Mode.AUTO);
        assertThat(Mode.parse(" ")).isEqualTo(Mode.AUTO);
        assertThat(Mode.parse("Fallback")).isEqualTo(Mode.FALLBACK);
        assertThat(Mode.parse("off")).isEqualTo(Mode.OFF);
        assertThatThrownBy(() -> Mode.parse("sometimes")).hasMessageContaining("auto, fallback, off");
    }
}
