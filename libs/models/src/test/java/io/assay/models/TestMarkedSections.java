package io.assay.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Section markers: the same content gives the same bytes, other content another tag. */
class TestMarkedSections {

    @Test
    void sectionMarkersCarryATagOfTheWholeContent() {
        String tag = MarkedSections.tag("task", "answer");

        assertThat(tag).hasSize(12).isEqualTo(MarkedSections.tag("task", "answer")).isNotEqualTo(MarkedSections.tag("task", "answer!"));
        assertThat(MarkedSections.section("ANSWER", tag, "42"))
                .isEqualTo("=== BEGIN ANSWER " + tag + " ===\n42\n=== END ANSWER " + tag + " ===\n\n");
    }
}
