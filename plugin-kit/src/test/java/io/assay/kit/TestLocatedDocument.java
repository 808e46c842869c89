package io.assay.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestLocatedDocument {

    @Test
    void findsTheLineOfAFieldOrOfItsNearestEnclosingField() {
        String checks = LocatedDocument.field(LocatedDocument.field("", "reward"), "checks");
        LocatedDocument document = LocatedDocument.of(
                Map.of("id", "x", "reward", Map.of("checks", List.of(Map.of(), Map.of("pattern", "[a-z")))),
                Map.of("id", 1, "reward", 2, checks, 4, LocatedDocument.element(checks, 1), 7,
                        LocatedDocument.field(LocatedDocument.element(checks, 1), "pattern"), 8));

        assertThat(document.lineOf("id")).isEqualTo(1);
        assertThat(document.lineOf("reward.checks")).isEqualTo(4);
        assertThat(document.lineOf("reward.checks[1]")).isEqualTo(7);
        assertThat(document.lineOf("reward.checks[1].pattern")).isEqualTo(8);
        assertThat(document.lineOf("reward.checks[1].flags")).isEqualTo(7);
        assertThat(document.lineOf("reward.weights[0]")).isEqualTo(2);
        assertThat(document.lineOf("measures")).isZero();
    }

    @Test
    void buildsPathsAsOptionsNamesFields() {
        assertThat(LocatedDocument.field("", "reward")).isEqualTo("reward");
        assertThat(LocatedDocument.element(LocatedDocument.field("reward", "checks"), 1)).isEqualTo("reward.checks[1]");
    }

    @Test
    void tellsAnEmptyDocumentFromANullOne() {
        assertThat(LocatedDocument.empty().isEmpty()).isTrue();
        assertThat(LocatedDocument.empty().root()).isNull();
        assertThat(LocatedDocument.of(null, Map.of()).isEmpty()).isFalse();
    }
}
