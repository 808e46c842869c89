package io.assay.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.tools.ToolException;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TestCalculator {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '=', value = {
            "2 + 2 = 4.00",
            "0.1 + 0.2 = 0.30",
            "2 + 3 * 4 = 14.00",
            "(2 + 3) * 4 = 20.00",
            "10 - 4 - 3 = 3.00",
            "12 / 4 / 3 = 1.00",
            "-(3 - 5) * -2 = -4.00",
            "+.5 * 3 = 1.50",
            "10 / 3 = 3.33",
            "2 / 3 = 0.67",
            "0.125 = 0.13",
            "-0.125 = -0.13",
            "237.50 + 189.19 - 426.69 = 0.00",
            "(129.99 - 4.50) * 3 = 376.47",
    })
    void evaluatesExactlyAndRoundsHalfUpToCents(String expression, String expected) {
        assertThat(Calculator.evaluate(expression)).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "2 +", "2 3", "1..2", "()", "(1 + 2", "1 + 2)", "two", "2 ^ 3", "2 ** 3",
            "1e3", "Math.max(1, 2)", "java.lang.System.exit(0)", "1 + 2; 3", ".", "1,000"})
    void rejectsAnythingButArithmetic(String expression) {
        assertThatThrownBy(() -> Calculator.evaluate(expression))
                .isInstanceOf(ToolException.class)
                .hasMessageStartingWith("cannot calculate '" + expression + "': unexpected ")
                .hasMessageEndingWith("use only numbers, + - * / and parentheses");
    }

    @Test
    void namesThePositionOfTheFirstUnexpectedCharacter() {
        assertThatThrownBy(() -> Calculator.evaluate("2 + x"))
                .hasMessage("cannot calculate '2 + x': unexpected 'x' at position 5; use only numbers, + - * / and parentheses");
    }

    @Test
    void refusesDivisionByZero() {
        assertThatThrownBy(() -> Calculator.evaluate("5 / (2 - 2)")).isInstanceOf(ToolException.class)
                .hasMessage("cannot calculate '5 / (2 - 2)': division by zero");
    }

    @Test
    void refusesOverlongExpressionsBeforeParsingThem() {
        String deep = "(".repeat(Calculator.MAX_LENGTH) + "1" + ")".repeat(Calculator.MAX_LENGTH);

        assertThatThrownBy(() -> Calculator.evaluate(deep)).isInstanceOf(ToolException.class)
                .hasMessageContaining("at most " + Calculator.MAX_LENGTH);
        assertThat(Calculator.evaluate("(".repeat(200) + "1" + ")".repeat(200))).isEqualTo(new BigDecimal("1.00"));
    }

    @Test
    void theToolAnswersWithTheRoundedValueAsText() {
        ShopFixture shop = new ShopFixture();

        assertThat(shop.call("calculate", Map.of("expression", "28.44 + 30.96")).asText()).isEqualTo("59.40");
    }
}
