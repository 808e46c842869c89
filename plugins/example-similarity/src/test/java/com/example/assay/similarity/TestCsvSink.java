package com.example.assay.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.AgentOutput;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.Outcome;
import io.assay.spi.ResultSink;
import io.assay.spi.RewardResult;
import io.assay.spi.RunInfo;
import io.assay.spi.TrialRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCsvSink {
    private static final String HEADER = "task,epoch,outcome,score,passed,agent_ms\r\n";

    @TempDir
    Path runDirectory;

    @Test
    void writesAHeaderAndOneRowPerTrial() throws Exception {
        try (ResultSink sink = open()) {
            sink.accept(completed("add-1", 0, new RewardResult(0.75, true, "close", Map.of()), 1234));
            sink.accept(record("add-2", 1, Outcome.TIMEOUT, null, 30000));
        }

        assertThat(csv()).isEqualTo(HEADER
                + "add-1,0,COMPLETED,0.75,true,1234\r\n"
                + "add-2,1,TIMEOUT,0.0,false,30000\r\n");
    }

    @Test
    void harnessErrorsHaveNoScore() throws Exception {
        try (ResultSink sink = open()) {
            sink.accept(record("q", 0, Outcome.HARNESS_ERROR, null, 5));
        }

        assertThat(csv()).endsWith("q,0,HARNESS_ERROR,,false,5\r\n");
    }

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuoted() throws Exception {
        try (ResultSink sink = open()) {
            sink.accept(completed("a,b", 0, RewardResult.pass("ok"), 1));
            sink.accept(completed("say \"hi\"", 0, RewardResult.pass("ok"), 1));
            sink.accept(completed("two\nlines", 0, RewardResult.pass("ok"), 1));
        }

        assertThat(csv()).isEqualTo(HEADER
                + "\"a,b\",0,COMPLETED,1.0,true,1\r\n"
                + "\"say \"\"hi\"\"\",0,COMPLETED,1.0,true,1\r\n"
                + "\"two\nlines\",0,COMPLETED,1.0,true,1\r\n");
    }

    @Test
    void eachRowIsOnDiskBeforeTheSinkCloses() throws Exception {
        try (ResultSink sink = open()) {
            sink.accept(completed("q1", 0, RewardResult.fail("wrong"), 7));

            assertThat(csv()).isEqualTo(HEADER + "q1,0,COMPLETED,0.0,false,7\r\n");
        }
    }

    @Test
    void reopeningAppendsWithoutASecondHeader() throws Exception {
        try (ResultSink sink = open()) {
            sink.accept(completed("q1", 0, RewardResult.pass("ok"), 1));
        }
        try (ResultSink sink = open()) {
            sink.accept(completed("q2", 0, RewardResult.pass("ok"), 1));
        }

        assertThat(csv()).isEqualTo(HEADER + "q1,0,COMPLETED,1.0,true,1\r\n" + "q2,0,COMPLETED,1.0,true,1\r\n");
    }

    @Test
    void rejectsOptions() {
        assertThatThrownBy(() -> new CsvSinkFactory().open(Options.of(Map.of("delimiter", ";")), run()))
                .isInstanceOf(InvalidOptionException.class);
    }

    private ResultSink open() throws Exception {
        return new CsvSinkFactory().open(Options.empty(), run());
    }

    private RunInfo run() {
        return new RunInfo("run-1", runDirectory, "arithmetic", "oracle");
    }

    private String csv() throws Exception {
        return Files.readString(runDirectory.resolve("trials.csv"));
    }

    private static TrialRecord completed(String task, int epoch, RewardResult reward, long agentMillis) {
        return record(task, epoch, Outcome.COMPLETED, reward, agentMillis);
    }

    private static TrialRecord record(String task, int epoch, Outcome outcome, RewardResult reward, long agentMillis) {
        AgentOutput output = outcome == Outcome.COMPLETED ? AgentOutput.of("answer") : null;
        return new TrialRecord("arithmetic", task, epoch, 1L, outcome, output, reward, null, 1,
                Instant.EPOCH, Duration.ofMillis(agentMillis), Duration.ZERO);
    }
}
