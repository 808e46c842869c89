package io.assay.checks;

import static io.assay.checks.CheckFixture.check;
import static io.assay.checks.CheckFixture.grade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.RewardResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestJsonCheck {
    private static final Map<String, Object> JSON = Map.of("type", "json");
    private static final Map<String, Object> SUBSET = Map.of("type", "json", "subset", true);

    @Test
    void ignoresKeyOrderAndComparesNumbersByValue() {
        Map<String, Object> expected = Map.of("a", 1, "b", new BigDecimal("2.50"), "c", List.of(true, "x"));

        RewardResult result = grade(JSON, expected, "{\"c\": [true, \"x\"], \"b\": 2.5, \"a\": 1.0}");

        assertThat(result.passed()).as(result.explanation()).isTrue();
        assertThat(result.explanation()).startsWith("answer JSON ").contains(" equals expected ");
    }

    @Test
    void reportsThePathOfTheFirstDifference() {
        Map<String, Object> expected = Map.of("user", Map.of("name", "Ann", "age", 30));

        RewardResult result = grade(JSON, expected, "{\"user\": {\"name\": \"Bob\", \"age\": 30}}");

        assertThat(result.passed()).isFalse();
        assertThat(result.explanation()).contains("at $.user.name: expected \"Ann\", got \"Bob\"");
        assertThat(result.evidence()).containsEntry("path", "$.user.name");
    }

    @Test
    void typesMustMatch() {
        assertThat(grade(JSON, Map.of("a", 1), "{\"a\": \"1\"}").explanation())
                .contains("at $.a: expected 1, got \"1\"");
        assertThat(grade(JSON, Map.of("a", true), "{\"a\": 1}").passed()).isFalse();
    }

    @Test
    void extraFieldsFailUnlessSubset() {
        String answer = "{\"id\": 7, \"debug\": \"x\"}";

        assertThat(grade(JSON, Map.of("id", 7), answer).explanation())
                .contains("at $.debug: unexpected field");
        assertThat(grade(SUBSET, Map.of("id", 7), answer).passed()).isTrue();
        assertThat(grade(SUBSET, Map.of("id", 7, "name", "x"), answer).explanation())
                .contains("at $.name: missing");
    }

    @Test
    void subsetAppliesInsideListsButListsKeepLengthAndOrder() {
        List<Object> expected = List.of(Map.of("id", 1), Map.of("id", 2));

        assertThat(grade(SUBSET, expected, "[{\"id\": 1, \"x\": 0}, {\"id\": 2}]").passed()).isTrue();
        assertThat(grade(SUBSET, expected, "[{\"id\": 2}, {\"id\": 1}]").explanation())
                .contains("at $[0].id: expected 1, got 2");
        assertThat(grade(SUBSET, expected, "[{\"id\": 1}, {\"id\": 2}, {\"id\": 3}]").explanation())
                .contains("expected 2 elements, got 3");
    }

    @Test
    void oddKeysAreQuotedInPaths() {
        assertThat(grade(JSON, Map.of("first name", "Ann"), "{\"first name\": \"Bo\"}").explanation())
                .contains("at $[\"first name\"]:");
    }

    @Test
    void acceptsAnAnswerThatIsOneFencedBlock() {
        assertThat(grade(JSON, Map.of("a", 1), "```json\n{\"a\": 1}\n```").passed()).isTrue();
        assertThat(grade(JSON, Map.of("a", 1), "  ```\n{\"a\": 1}\n```\n").passed()).isTrue();
        assertThat(grade(JSON, Map.of("a", 1), "Here it is:\n```json\n{\"a\": 1}\n```").passed())
                .as("text around the block is not JSON").isFalse();
    }

    @Test
    void unparsableAnswersFailWithTheParserMessage() {
        RewardResult result = grade(JSON, Map.of("a", 1), "{a: 1}");

        assertThat(result.passed()).isFalse();
        assertThat(result.explanation()).startsWith("answer \"{a: 1}\" is not valid JSON (").contains("line 1");
        assertThat(result.evidence()).containsKey("parse_error");
        assertThat(grade(JSON, Map.of("a", 1), "{\"a\": 1} and more").passed()).as("trailing text").isFalse();
        assertThat(grade(JSON, Map.of("a", 1), "{\"a\": 2, \"a\": 1}").passed()).as("duplicate key").isFalse();
        assertThat(grade(JSON, Map.of("a", 1), "").explanation()).contains("is empty, not JSON");
    }

    @Test
    void anExpectedStringIsAJsonString() {
        assertThat(grade(JSON, "hello", "\"hello\"").passed()).isTrue();
        assertThat(grade(JSON, "hello", "hello").passed()).isFalse();
    }

    @Test
    void missingGroundTruthIsAHarnessError() {
        assertThatThrownBy(() -> grade(JSON, null, "null"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("task-7");
    }

    @Test
    void rejectsBadSubsetOption() {
        assertThatThrownBy(() -> check(Map.of("type", "json", "subset", "yes")))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.subset"));
    }
}
