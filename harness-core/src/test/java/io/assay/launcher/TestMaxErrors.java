package io.assay.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.core.json.Json;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestMaxErrors {

    @Test
    void aCountAllowsThatManyErrors() {
        MaxErrors five = MaxErrors.parse("5");

        assertThat(five.exceeded(5, 5)).isFalse();
        assertThat(five.exceeded(6, 6)).isTrue();
        assertThat(MaxErrors.parse("0").exceeded(1, 1)).as("0 stops at the first error").isTrue();
    }

    @Test
    void aPercentageCountsOnceTwentyTrialsFinished() {
        MaxErrors tenPercent = MaxErrors.parse("10%");

        assertThat(tenPercent.exceeded(19, 19)).isFalse();
        assertThat(tenPercent.exceeded(2, 20)).as("exactly 10% is allowed").isFalse();
        assertThat(tenPercent.exceeded(3, 20)).isTrue();
        assertThat(MaxErrors.parse("2.5%").exceeded(1, 40)).isFalse();
        assertThat(MaxErrors.parse("2.5%").exceeded(2, 40)).isTrue();
    }

    @Test
    void isWrittenAsTyped() throws Exception {
        assertThat(Json.write(MaxErrors.parse("5"))).isEqualTo("\"5\"");
        assertThat(Json.write(MaxErrors.parse(" 2.5% "))).isEqualTo("\"2.5%\"");
        assertThat(Json.MAPPER.readValue("\"10%\"", MaxErrors.class)).isEqualTo(new MaxErrors(null, new BigDecimal("10")));
    }

    @Test
    void badValuesSayWhatIsExpected() {
        for (String bad : List.of("-1", "abc", "100%", "150%", "5.5", "", "%", "10 %", "99999999999999999999")) {
            assertThatThrownBy(() -> MaxErrors.parse(bad)).as(bad)
                    .isInstanceOf(InputException.class)
                    .hasMessage("--max-errors expects a number of errors (0 or more) or a percentage below 100%, got '"
                            + bad + "'");
        }
    }
}
