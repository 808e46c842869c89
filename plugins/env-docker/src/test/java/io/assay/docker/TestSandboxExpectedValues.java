package io.assay.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which values of a task's tests the isolation probe searches the container for; needs no Docker. */
class TestSandboxExpectedValues {

    @TempDir
    Path temp;

    @Test
    void valuesAreDistinctiveLiteralsTheInstructionDoesNotState() throws Exception {
        Path task = SandboxAuditFixture.task(temp, "values", "Write the word 'given-in-the-instruction' to /app/out.txt.\n",
                "", """
                #!/bin/bash
                export PATH=/bin
                expected=$(mktemp)
                printf 'first-line-value\\nsecond-line-value\\n' > "$expected"
                cat > /tmp/more <<'EOF'
                from-a-heredoc
                EOF
                [ "$(cat /app/out.txt)" = "given-in-the-instruction" ] || echo "FAIL: $*"
                [ "$(wc -l < /app/out.txt)" -eq 123456 ] && [ "$(cat /app/n)" = "short" ]
                grep -q "expected" /app/out.txt && grep -q '--option-like' /app/out.txt
                cmp -s /tests/expected.txt "/app/some path/out.txt" && echo 1 > /logs/verifier/reward.txt
                """, null);

        assertThat(SandboxIsolationProbe.expectedValues(HarborTasks.read(task)))
                .containsExactly("first-line-value", "second-line-value", "123456", "from-a-heredoc");
    }
}
