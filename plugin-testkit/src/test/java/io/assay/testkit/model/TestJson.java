package io.assay.testkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestJson {

    @Test
    void writesPlainValuesCompactlyInFieldOrder() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "say \"hi\"\\\n\t\u0001ok");
        value.put("numbers", List.of(1, 2L, new BigDecimal("0.1"), 1.5));
        value.put("flags", Arrays.asList(true, false, null));
        value.put("nested", Map.of("a", List.of()));

        assertThat(Json.write(value)).isEqualTo(
                "{\"text\":\"say \\\"hi\\\"\\\\\\n\\t\\u0001ok\",\"numbers\":[1,2,0.1,1.5],"
                        + "\"flags\":[true,false,null],\"nested\":{\"a\":[]}}");
    }

    @Test
    void refusesWhatJsonCannotHold() {
        assertThatThrownBy(() -> Json.write(Map.of("when", Instant.EPOCH)))
                .hasMessageContaining("not a plain JSON value (java.time.Instant)");
    }

    @Test
    void readsWhatItWritesBack() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("z", "é \"quoted\" \\ \u0007");
        value.put("a", List.of(Map.of("k", false), List.of(), Map.of()));
        value.put("n", null);

        assertThat(Json.parse(Json.write(value))).isEqualTo(value);
    }

    @Test
    void numbersAreWholeBySizeElseExactDecimals() {
        assertThat(Json.parse("[7, -3000000000, 123456789012345678901234567890, 0.1, 1e3, -2.50]")).isEqualTo(List.of(
                7, -3_000_000_000L, new BigInteger("123456789012345678901234567890"),
                new BigDecimal("0.1"), new BigDecimal("1e3"), new BigDecimal("-2.50")));
    }

    @Test
    void readsEscapesAndBlanks() {
        assertThat(Json.parse(" { \"a\" : \"\\u00e9\\/\\b\\f\\r\" } \n")).isEqualTo(Map.of("a", "é/\b\f\r"));
    }

    @Test
    void textThatIsNotJsonIsRejectedAtItsOffset() {
        assertThatThrownBy(() -> Json.parse("{\"a\": tru}")).hasMessage("not JSON: expected a value at offset 6, found 't'");
        assertThatThrownBy(() -> Json.parse("[1, 2")).hasMessage("not JSON: expected ']' at offset 5, found the end");
        assertThatThrownBy(() -> Json.parse("{\"a\": 1} x")).hasMessageContaining("expected the end of the text at offset 9");
        assertThatThrownBy(() -> Json.parse("\"open")).hasMessageContaining("the closing quote of a string");
        assertThatThrownBy(() -> Json.parse("<html>")).hasMessageContaining("expected a value at offset 0");
    }
}
