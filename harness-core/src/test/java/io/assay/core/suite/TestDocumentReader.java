package io.assay.core.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.assay.kit.LocatedDocument;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestDocumentReader {

    @Test
    void readsPlainValuesWithExactDecimalsInDocumentOrder() throws IOException {
        Object value;
        try (JsonParser parser = new JsonFactory().createParser("{\"i\": 3, \"l\": 5000000000,"
                + " \"b\": 123456789012345678901234567890, \"d\": 0.1, \"t\": true, \"n\": null,"
                + " \"a\": [\"x\", {\"k\": []}]}")) {
            value = DocumentReader.readValue(parser);
        }

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("i", 3);
        expected.put("l", 5_000_000_000L);
        expected.put("b", new BigInteger("123456789012345678901234567890"));
        expected.put("d", new BigDecimal("0.1"));
        expected.put("t", true);
        expected.put("n", null);
        expected.put("a", List.of("x", Map.of("k", List.of())));
        assertThat(value).isInstanceOf(LinkedHashMap.class).isEqualTo(expected);
        assertThat(List.copyOf(((Map<?, ?>) value).keySet())).isEqualTo(List.copyOf(expected.keySet()));
    }

    @Test
    void recordsTheLineOfEveryFieldAndListElement() throws IOException {
        LocatedDocument document = yaml("""
                id: x
                reward:
                  type: all
                  checks:
                    - type: exact

                    - type: regex
                      pattern: "[a-z"
                """);

        assertThat(document.lineOf("id")).isEqualTo(1);
        assertThat(document.lineOf("reward.checks")).isEqualTo(4);
        assertThat(document.lineOf("reward.checks[1]")).isEqualTo(7);
        assertThat(document.lineOf("reward.checks[1].pattern")).isEqualTo(8);
        assertThat(document.lineOf("reward.checks[0].type")).isEqualTo(5);
    }

    @Test
    void tellsAnEmptyDocumentFromANullOne() throws IOException {
        assertThat(yaml("# only a comment\n").isEmpty()).isTrue();
        assertThat(yaml("null\n").isEmpty()).isFalse();
    }

    @Test
    void rejectsYamlAliasesInsteadOfReadingTheirNames() {
        assertThatThrownBy(() -> yaml("a: &shared 1\nb: *shared\n"))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageStartingWith("YAML aliases (*name) are not supported");
    }

    @Test
    void rejectsASecondDocument() {
        assertThatThrownBy(() -> yaml("id: a\n---\nid: b\n"))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageStartingWith("more content after the end of the first value");
    }

    private static LocatedDocument yaml(String text) throws IOException {
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            return DocumentReader.read(parser);
        }
    }
}
