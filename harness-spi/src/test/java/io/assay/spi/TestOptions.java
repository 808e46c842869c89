package io.assay.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TestOptions {

    @Test
    void numbersAndFlagsGivenAsTextOnTheCommandLineReadAsTheirValues() {
        Options options = new Options("agent", Map.of("max_turns", " 20", "temperature", "0.5", "verbose", "true"));

        assertThat(options.integer("max_turns", 1)).isEqualTo(20);
        assertThat(options.number("temperature", 1)).isEqualTo(0.5);
        assertThat(options.bool("verbose", false)).isTrue();
    }

    @Test
    void textThatIsNoNumberIsRejectedWithItsField() {
        Options options = new Options("agent", Map.of("max_turns", "many", "n", "1.5", "flag", "yes"));

        assertThatThrownBy(() -> options.integer("max_turns", 1)).isInstanceOf(InvalidOptionException.class)
                .hasMessage("agent.max_turns: expected a whole number, got the string \"many\"");
        assertThatThrownBy(() -> options.integer("n", 1)).hasMessageContaining("expected a whole number");
        assertThatThrownBy(() -> options.bool("flag", false)).hasMessageContaining("expected true or false");
    }
}
