package io.assay.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
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

        assertThat(ExpectedValues.read(HarborTasks.read(task)).values())
                .containsExactly("first-line-value", "second-line-value", "123456", "from-a-heredoc");
    }

    @Test
    void pytestFilesShortValuesAndWholeExpectedTextsCountToo() throws Exception {
        Path task = SandboxAuditFixture.task(temp, "ranking", "Write the ranking to /app/ranking.txt; 'ines' comes first.\n",
                "", "#!/bin/bash\ncd /tests && pytest -q test_outputs.py\n", null);
        SandboxAuditFixture.write(task.resolve("tests/test_outputs.py"), """
                import json
                from pathlib import Path

                RANKING = \"""ines
                olek
                amara
                \"""  # the expected order


                def test_ranking():
                    got = Path("/app/ranking.txt").read_text()
                    assert got == RANKING, f"got {got!r}"
                    assert len(got.splitlines()) == 3
                    assert json.loads(Path("/app/meta.json").read_text())["checksum"] == "9f2c7e1a"
                    assert Path("/app/count.txt").read_text().strip() == '4217'
                """);

        ExpectedValues expected = ExpectedValues.read(HarborTasks.read(task));

        assertThat(expected.values()).containsExactly("checksum", "9f2c7e1a");
        assertThat(expected.shortValues()).containsExactly("olek", "amara", "4217");
        assertThat(expected.blocks()).containsExactly(Map.entry("ines\nolek\namara", "tests/test_outputs.py"));
    }

    @Test
    void pythonLiteralsAreReadWithPrefixesTripleQuotesAndEscapes() {
        String source = """
                x = r'a\\d' + b"raw"  # 'a comment'
                y = '''multi
                line'''
                z = f'{x}' + f'plain' + 'it\\'s'
                n = 42 + 3.5 + test_2 + 0x1f
                """;

        assertThat(PythonLiterals.of(source)).containsExactly("a\\d", "raw", "multi\nline", "plain", "it's", "42", "3.5");
    }
}
