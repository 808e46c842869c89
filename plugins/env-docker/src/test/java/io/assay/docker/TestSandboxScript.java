package io.assay.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.assay.docker.SandboxScript.Command;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestSandboxScript {

    @Test
    void simpleLinesAreOneCommandEachAndCommentsAndBlankLinesNone() {
        SandboxScript script = SandboxScript.parse("""
                #!/bin/bash
                set -euo pipefail

                # make the layout
                mkdir -p /app/out
                echo hi > /app/out/a.txt   # trailing comment
                """);

        assertThat(script.commands()).extracting(Command::firstLine, Command::text).containsExactly(
                tuple(2, "set -euo pipefail"),
                tuple(5, "mkdir -p /app/out"),
                tuple(6, "echo hi > /app/out/a.txt   # trailing comment"));
    }

    @Test
    void heredocsContinuationsQuotesAndBlocksSpanTheirLines() {
        SandboxScript script = SandboxScript.parse("""
                cat > /app/config.ini <<'EOF'
                [server]
                port = 8080
                EOF
                tar -czf /app/a.tgz \\
                  /app/logs
                for f in /app/*.txt
                do
                  echo "$f" >> /app/list
                done
                if [ -f /app/x ]; then
                  rm /app/x
                fi
                echo "two
                lines" > /app/y
                grep -q a /app/list &&
                  echo found
                f() {
                  echo in f
                }
                """);

        assertThat(script.commands()).extracting(Command::firstLine, Command::lastLine).containsExactly(
                tuple(1, 4),
                tuple(5, 6),
                tuple(7, 10),
                tuple(11, 13),
                tuple(14, 15),
                tuple(16, 17),
                tuple(18, 20));
        assertThat(script.heredocs()).containsExactly("[server]\nport = 8080\n");
    }

    @Test
    void withoutRemovesExactlyTheCommandsLines() {
        SandboxScript script = SandboxScript.parse("mkdir -p /app/a\ncat > /app/a/b <<EOF\nx\nEOF\nrm /app/c\n");

        assertThat(script.without(script.commands().get(1))).isEqualTo("mkdir -p /app/a\nrm /app/c\n");
    }

    @Test
    void programsAreTheBareCommandWordsIncludingThoseInSubstitutions() {
        SandboxScript script = SandboxScript.parse("""
                export PATH=/bin
                fail() { echo "FAIL: $*"; echo 0 > /logs/verifier/reward.txt; exit 0; }
                [ "$(sha256sum < /app/x | cut -d' ' -f1)" = "abc" ] || fail "modified"
                if ! cmp -s "$expected" /app/out; then fail "differs"; fi
                LC_ALL=C sort /app/in > /tmp/sorted
                /app/run.sh --fast
                python3 -m pytest /tests/test_outputs.py 2>&1 | tee /logs/verifier/out
                """);

        assertThat(script.programs()).containsExactlyInAnyOrder("export", "fail", "echo", "exit", "sha256sum",
                "cut", "cmp", "sort", "python3", "tee");
        assertThat(script.words()).extracting(SandboxScript.Word::text)
                .contains("/app/run.sh", "/tests/test_outputs.py", "PATH=/bin", "abc");
    }

    @Test
    void quotedWordsKeepTheirTextWithoutQuotes() {
        SandboxScript script = SandboxScript.parse("[ \"$(cat /app/answer.txt)\" = 'hello world' ] && echo \"it's \\\"ok\\\"\"\n");

        assertThat(script.words()).filteredOn(SandboxScript.Word::quoted).extracting(SandboxScript.Word::text)
                .containsExactly("$(cat /app/answer.txt)", "hello world", "it's \"ok\"");
    }

    @Test
    void emptyScriptHasNoCommands() {
        assertThat(SandboxScript.parse("#!/bin/bash\n\n").commands()).isEmpty();
        assertThat(SandboxScript.parse("").commands()).isEqualTo(List.of());
    }
}
