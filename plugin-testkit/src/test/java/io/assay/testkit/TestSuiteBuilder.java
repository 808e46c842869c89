package io.assay.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.spi.Options;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestSuiteBuilder {

    @Test
    void unnamedPartsAreWhatASuiteFileLeavingThemOutGives() {
        Suite suite = SuiteBuilder.suite("quiz").build();

        assertThat(suite).isEqualTo(new Suite("quiz", "", "", "", null,
                new Options("environment", Map.of("type", "none")), null, List.of(), null, ""));
    }

    @Test
    void tasksKeepTheirOrderAndTheSuiteRewardGradesThoseWithoutTheirOwn() {
        Task plain = TaskBuilder.task("a").answer(1).build();
        Task own = TaskBuilder.task("b").answer(2).reward(Specs.reward("numeric")).build();
        Task last = TaskBuilder.task("c").build();

        Suite suite = SuiteBuilder.suite("quiz").version("2").description("Small sums.").measures("arithmetic")
                .canary("assay-canary:quiz").environment(Specs.environment("docker", "suite_dir", "/s"))
                .reward(Specs.reward("exact")).task(plain, own).tasks(List.of(last)).directory(Path.of("/s"))
                .build();

        assertThat(suite.tasks()).containsExactly(plain, own, last);
        assertThat(suite.rewardFor(plain)).isEqualTo(Specs.reward("exact"));
        assertThat(suite.rewardFor(own)).isEqualTo(Specs.reward("numeric"));
        assertThat(suite).isEqualTo(new Suite("quiz", "2", "Small sums.", "arithmetic", "assay-canary:quiz",
                new Options("environment", Map.of("type", "docker", "suite_dir", "/s")),
                new Options("reward", Map.of("type", "exact")), List.of(plain, own, last), Path.of("/s"), ""));
    }
}
