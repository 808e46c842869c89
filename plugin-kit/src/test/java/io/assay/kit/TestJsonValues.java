package io.assay.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestJsonValues {
    private static final ObjectMapper JACKSON = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    @Test
    void answerTextIsAStringAsItIsAndAnyOtherValueAsJson() {
        assertThat(JsonValues.text("Paris")).isEqualTo("Paris");
        assertThat(JsonValues.text(null)).isEmpty();
        assertThat(JsonValues.text(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(JsonValues.text(List.of(1, "a"))).isEqualTo("[1,\"a\"]");
        assertThat(JsonValues.json("Paris")).isEqualTo("\"Paris\"");
    }

    @Test
    void writesWhatJacksonWritesForPlainValues() throws Exception {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("b", 2);
        object.put("a", null);
        object.put("nested", Map.of("list", List.of(true, false)));
        List<Object> values = new ArrayList<>(Arrays.asList(
                null, true, 0, -7, 5_000_000_000L, new BigInteger("123456789012345678901234567890"),
                new BigDecimal("0.1"), new BigDecimal("1E+3"), new BigDecimal("-2.50"), 0.1, 1e300, -0.0, 1.5f,
                Double.NaN, Double.NEGATIVE_INFINITY, "", "plain", "quote \" backslash \\ slash /",
                "tab\t newline\n return\r backspace\b formfeed\f nul\0 unit\u001F del\u007F",
                "é ü 中文 \uD83D\uDE00 \u2028", List.of(), Map.of(), object, List.of(List.of(1), Map.of("k", "v"))));

        for (Object value : values) {
            assertThat(JsonValues.json(value)).as("%s", value).isEqualTo(JACKSON.writeValueAsString(value));
        }
    }

    @Test
    void refusesValuesThatAreNotPlainJson() {
        assertThatThrownBy(() -> JsonValues.json(List.of(new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a plain JSON value (java.lang.Object)");
    }
}
