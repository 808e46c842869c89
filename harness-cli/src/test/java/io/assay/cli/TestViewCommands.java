package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay view}, {@code assay report --format html} and {@code assay audit --format html} from the command line. */
class TestViewCommands {

    @TempDir
    Path temp;

    private Path oracleRun() {
        Path out = temp.resolve("runs").resolve("arithmetic-oracle");
        CliResult result = run("run", example("arithmetic"), "--agent", "oracle", "--out", out.toString(), "--progress", "none");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return out;
    }

    @Test
    void viewServesTheFoldersRunsOnLoopbackAtTheAddressItPrints() throws Exception {
        oracleRun();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread viewer = new Thread(() -> AssayCommand.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                "view", temp.resolve("runs").toString(), "--no-open"));
        viewer.setDaemon(true);
        viewer.start();
        try {
            Matcher address = awaitLine(out, Pattern.compile("Assay viewer on (http://127\\.0\\.0\\.1:\\d+/) \\(1 run, 0 audit reports\\); Ctrl-C to stop"));
            HttpResponse<String> index = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(address.group(1) + "api/index")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).contains("\"id\":\"arithmetic-oracle\"", "\"status\":\"completed\"");
        } finally {
            viewer.interrupt();
        }
    }

    @Test
    void viewOfAFolderThatDoesNotExistIsOneLineAndExitCode2() {
        CliResult result = run("view", temp.resolve("nowhere").toString(), "--no-open");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: " + temp.resolve("nowhere") + ": no such folder")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void aPortOrHostThatCannotBeListenedOnIsOneLineAndExitCode2() {
        CliResult port = run("view", temp.toString(), "--port", "70000", "--no-open");
        CliResult host = run("view", temp.toString(), "--host", "no.such.host.invalid", "--no-open");
        CliResult elsewhere = run("view", temp.toString(), "--host", "192.0.2.1", "--no-open"); // TEST-NET-1: not this machine's

        assertThat(port.exitCode()).isEqualTo(2);
        assertThat(port.err()).startsWith("error: --port 70000: expected a port from 1 to 65535, or 0 for a free one\n");
        assertThat(host.exitCode()).isEqualTo(2);
        assertThat(host.err()).startsWith("error: --host no.such.host.invalid: no such address\n");
        assertThat(elsewhere.exitCode()).isEqualTo(2);
        assertThat(elsewhere.err()).startsWith("error: cannot listen on 192.0.2.1:0: ");
    }

    @Test
    void reportAsHtmlIsOneFileHoldingTheRunItsTranscriptsAndTheirAssets() {
        Path runDirectory = oracleRun();

        CliResult result = run("report", runDirectory.toString(), "--format", "html");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("<!doctype html>")
                .contains("<meta http-equiv=\"Content-Security-Policy\"", "\"start\":\"#/run/arithmetic-oracle\"",
                        "\"api/runs/arithmetic-oracle/tasks/money-change\":{\"task\":\"money-change\"")
                .doesNotContain("src=\"assets/", "href=\"assets/");
    }

    @Test
    void htmlCannotBeCombinedWithTheTerminalListings() {
        CliResult result = run("report", oracleRun().toString(), "--failed", "--format", "html");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: --failed prints text; --format html writes the whole run's pages");
    }

    @Test
    void auditAsHtmlWritesTheReportCardPageToTheOutputFile() throws Exception {
        Path file = temp.resolve("audit.html");

        CliResult result = run("audit", example("flawed/answer-stuffing"), "--format", "html", "--output", file.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1); // the suite's flaws are errors
        String html = Files.readString(file);
        assertThat(html).startsWith("<!doctype html>")
                .contains("\"start\":\"#/audit/audit-capitals-and-facts\"", "\"probe\":\"answer-stuffing\"", "\"checklist\":[");
    }

    private static Matcher awaitLine(ByteArrayOutputStream out, Pattern line) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = line.matcher(out.toString(StandardCharsets.UTF_8));
            if (matcher.find()) {
                return matcher;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the viewer printed no address: " + out.toString(StandardCharsets.UTF_8));
    }
}
