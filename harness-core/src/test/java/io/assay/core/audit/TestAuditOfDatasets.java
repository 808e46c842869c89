package io.assay.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.spi.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suite whose tasks come from a {@code dataset} block is audited like any other. */
class TestAuditOfDatasets {

    @TempDir
    Path temp;

    @Test
    void theAuditKeepsARowItsCheckCannotPassAndNamesItByRowNumber() throws IOException {
        Files.writeString(temp.resolve("problems.csv"), """
                question,solution
                "What is 40 + 2?","40 + 2 = 42. #### 42"
                "What is 38 + 2?","Forty, surely. #### forty"
                """);
        Path suite = Files.createDirectories(temp.resolve("suite"));
        Files.writeString(suite.resolve("suite.yaml"), """
                id: sums
                measures: adding two numbers
                canary: "assay-canary:unit"
                dataset:
                  path: ../problems.csv
                  fields: {prompt: question, answer: solution}
                  answer_pattern: '####\\s*(.+)$'
                reward: {type: numeric}
                """);

        List<Finding> findings = AuditFixture.of(AuditFixture.audit(suite, List.of("solvability")), "solvability");

        assertThat(findings).extracting(Finding::task).containsExactly("2");
        assertThat(findings.getFirst().severity()).isEqualTo(Finding.Severity.ERROR);
    }
}
