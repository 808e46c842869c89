package io.assay.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestTomlLines {

    @Test
    void findsKeysUnderTheirTablesAndDottedKeysWithEachPrefix() {
        TomlLines lines = TomlLines.scan("""
                version = "1.0"
                # a comment = not a key
                [environment]
                cpus = 2
                "docker image" = 'x'

                [verifier.env]
                TOKEN = "a=b"
                agent.timeout_sec = 30
                """);

        assertThat(lines.lines()).containsEntry("version", 1).containsEntry("environment", 3)
                .containsEntry("environment.cpus", 4).containsEntry("environment.docker image", 5)
                .containsEntry("verifier.env", 7).containsEntry("verifier.env.TOKEN", 8)
                .containsEntry("verifier.env.agent", 9).containsEntry("verifier.env.agent.timeout_sec", 9)
                .doesNotContainKey("a comment");
        assertThat(lines.firstDuplicate()).isZero();
    }

    @Test
    void skipsWhatMultiLineStringsAndArraysHold() {
        TomlLines lines = TomlLines.scan("""
                notes = \"""
                fake = 1
                \"""
                list = [
                  "x = 2",
                  { inline = 3 },
                ]
                after = true
                """);

        assertThat(lines.lines()).containsOnlyKeys("notes", "list", "after").containsEntry("after", 8);
    }

    @Test
    void pointsAtTheFirstKeyWrittenTwice() {
        TomlLines lines = TomlLines.scan("a = 1\n[t]\nb = 2\nb = 3\na = 4\n");

        assertThat(lines.firstDuplicate()).isEqualTo(4);
        assertThat(lines.lines()).containsEntry("t.b", 3);
    }
}
