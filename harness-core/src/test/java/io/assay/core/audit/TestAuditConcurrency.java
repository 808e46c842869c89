package io.assay.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Stage;
import io.assay.core.HarnessModule;
import io.assay.kit.Parallel;
import io.assay.launcher.AddedProbe;
import io.assay.launcher.AuditSettings;
import io.assay.launcher.InputException;
import io.assay.launcher.TaskSelection;
import io.assay.spi.Agent;
import io.assay.spi.AgentOutput;
import io.assay.spi.AuditContext;
import io.assay.spi.AuditProbe;
import io.assay.spi.Finding;
import io.assay.spi.Options;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The probes of one audit run at once and share one limit on trials under way, which is what lets
 * a sandboxed audit keep the machine busy. Observed with latches and counters, not clocks: the
 * latches' waits are only a safeguard against hanging when the behaviour is missing.
 */
class TestAuditConcurrency {
    private static final Auditor AUDITOR = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of()))
            .getInstance(Auditor.class);

    /** A probe whose audit is {@code work}, reporting what it returns as an info finding's message. */
    private static AuditProbe probe(String name, Work work) {
        return new AuditProbe() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> covers() {
                return List.of("R.3");
            }

            @Override
            public List<Finding> audit(AuditContext context) throws Exception {
                return List.of(new Finding(name, List.of("R.3"), Finding.Severity.INFO, null, work.run(context), Map.of()));
            }
        };
    }

    @FunctionalInterface
    private interface Work {
        String run(AuditContext context) throws Exception;
    }

    private static AuditReport audit(int concurrency, List<String> started, AuditProbe... probes) throws Exception {
        List<AddedProbe> added = List.of(probes).stream().map(AddedProbe::of).toList();
        List<String> names = List.of(probes).stream().map(AuditProbe::name).toList();
        return AUDITOR.audit(AuditFixture.example("multiple-choice"), new AuditSettings(1, Duration.ofSeconds(30),
                names, TaskSelection.ALL, 0, Options.empty(), Map.of(), added, concurrency), started::add);
    }

    private static List<String> messages(AuditReport report) {
        return report.findings().stream().map(Finding::message).toList();
    }

    @Test
    void independentProbesRunAtTheSameTime() throws Exception {
        // Each probe waits for the other to have started: run one after the other, the first would give up.
        CountDownLatch bothStarted = new CountDownLatch(2);
        Work meetTheOther = context -> {
            bothStarted.countDown();
            return bothStarted.await(30, TimeUnit.SECONDS) ? "overlapped" : "ran alone";
        };
        List<String> started = Collections.synchronizedList(new ArrayList<>());

        AuditReport report = audit(4, started, probe("first", meetTheOther), probe("second", meetTheOther));

        assertThat(messages(report)).containsExactly("overlapped", "overlapped");
        assertThat(started).containsExactly("first", "second");
        assertThat(report.summary().get("probes")).isEqualTo(List.of("first", "second"));
    }

    @Test
    void trialsOfAllProbesTogetherStayWithinTheConcurrencyAndReachIt() throws Exception {
        int limit = 3;
        AtomicInteger underWay = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch full = new CountDownLatch(1);
        // Every trial holds its place until the limit is reached once, so reaching it is certain, not luck.
        Agent holding = input -> {
            int now = underWay.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            if (now == limit) {
                full.countDown();
            }
            full.await(30, TimeUnit.SECONDS);
            underWay.decrementAndGet();
            return AgentOutput.of("");
        };
        Work sixTrials = context -> {
            Parallel.map(IntStream.range(0, 6).boxed().toList(), 6,
                    epoch -> context.trial(holding, context.suite().tasks().getFirst(), epoch));
            return "done";
        };

        AuditReport report = audit(limit, new ArrayList<>(), probe("first", sixTrials), probe("second", sixTrials));

        assertThat(messages(report)).containsExactly("done", "done");
        assertThat(most).hasValue(limit);
    }

    @Test
    void aConcurrencyBelowOneIsBadInput() {
        assertThatThrownBy(() -> audit(0, new ArrayList<>(), probe("first", context -> "")))
                .isInstanceOf(InputException.class).hasMessage("--concurrency must be at least 1, got 0");
    }
}
