package io.assay.tau.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.InvalidSuiteException;
import io.assay.spi.Options;
import io.assay.spi.Suite;
import io.assay.spi.SuiteLoader;
import io.assay.spi.Task;
import io.assay.testkit.Benchmarks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published folders read as suites: ids, prompts, gold actions, rewards, data and splits. */
class TestTauSuiteLoader {
    private final TauSuiteLoader loader = new TauSuiteLoader();

    @TempDir
    Path temp;

    private static SuiteLoader.Context context(Optional<String> split) {
        return new SuiteLoader.Context() {
            @Override
            public void validateReward(Options spec) {
            }

            @Override
            public void validateEnvironment(Options spec) {
            }

            @Override
            public Optional<String> split() {
                return split;
            }
        };
    }

    private Suite load(String folder) throws IOException {
        return loader.load(Benchmarks.folder(folder), context(Optional.empty()));
    }

    @Test
    void tauBenchAirlineTasksAreNumberedByTheirPlaceInThePublishedList() throws IOException {
        Suite suite = load("tau-bench/tau1/airline");

        assertThat(suite.id()).isEqualTo("tau-bench-airline");
        assertThat(suite.version()).startsWith("tau-bench@59a200c");
        assertThat(suite.tasks()).hasSize(50);
        Task first = suite.tasks().getFirst();
        assertThat(first.id()).isEqualTo("0");
        assertThat(first.prompt()).startsWith("Your user id is mia_li_3668.");
        Map<?, ?> answer = (Map<?, ?>) first.answer();
        assertThat(((Map<?, ?>) ((List<?>) answer.get("actions")).getFirst()).get("name")).isEqualTo("book_reservation");
        assertThat(suite.tasks().getLast().id()).isEqualTo("49");
        assertThat(suite.environment().values()).containsEntry("type", "tau").containsEntry("domain", "airline")
                .containsEntry("version", "tau1");
    }

    @Test
    void tauBenchRewardIsTheDataAndTheOutputsWhenATaskListsAny() throws IOException {
        List<Task> tasks = load("tau-bench/tau1/retail").tasks();

        assertThat(tasks).hasSize(115);
        Task withOutputs = tasks.stream().filter(t -> !((List<?>) ((Map<?, ?>) t.answer()).get("outputs")).isEmpty())
                .findFirst().orElseThrow();
        assertThat(withOutputs.reward().values().get("checks")).isEqualTo(List.of(Map.of("type", "state_match"),
                Map.of("type", "outputs", "match", "tau")));
        assertThat(tasks.getFirst().reward().values().get("checks")).isEqualTo(List.of(Map.of("type", "state_match")));
    }

    @Test
    void tau2TasksKeepTheirIdsScenarioAndRewardBasis() throws IOException {
        Suite suite = load("tau-bench/tau2/retail");

        assertThat(suite.id()).isEqualTo("tau2-bench-retail");
        assertThat(suite.tasks()).hasSize(114);
        Task judged = suite.tasks().stream().filter(t -> !((List<?>) ((Map<?, ?>) t.answer()).get("nl_assertions")).isEmpty())
                .findFirst().orElseThrow();
        List<?> checks = (List<?>) judged.reward().values().get("checks");
        assertThat(checks).hasSize(2);
        assertThat(checks.getFirst()).isEqualTo(Map.of("type", "state_match"));
        assertThat(checks.get(1)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("type", "judge").containsEntry("over", "conversation");
        assertThat(judged.metadata()).containsEntry("reward_basis", "DB+NL_ASSERTION");
        assertThat((String) ((Map<?, ?>) judged.answer()).get("user_scenario")).contains("reason for call:", "known info:");
    }

    @Test
    void tau2AirlineReadsTauBenchsAirlineFilesWhereTau2PublishesNoDatabase() throws IOException {
        Suite suite = load("tau-bench/tau2/airline");

        assertThat(suite.tasks()).hasSize(50);
        assertThat(suite.tasks().getFirst().prompt()).startsWith("You want to cancel reservation EHGLP3.");
        assertThat(Path.of((String) suite.environment().values().get("data")))
                .isEqualTo(Benchmarks.folder("tau-bench/tau1/airline").toAbsolutePath().normalize());
    }

    @Test
    void aSplitSelectsItsTasksAndAnUnknownOneIsNamed() throws IOException {
        Path folder = Benchmarks.folder("tau-bench/tau2/airline");

        assertThat(loader.load(folder, context(Optional.of("test"))).tasks()).hasSize(20);
        assertThat(loader.load(folder, context(Optional.of("base"))).tasks()).hasSize(50);
        assertThatThrownBy(() -> loader.load(folder, context(Optional.of("dev"))))
                .isInstanceOf(InvalidSuiteException.class)
                .hasMessageContaining("split_tasks.json").hasMessageContaining("no split 'dev'; expected one of [train, test, base]");
        assertThatThrownBy(() -> loader.load(Benchmarks.folder("tau-bench/tau1/airline"), context(Optional.of("test"))))
                .hasMessageContaining("splits are tau2-bench's");
    }

    @Test
    void aDomainAssayDoesNotImplementIsNamed() {
        assertThatThrownBy(() -> load("tau-bench/tau2/mock"))
                .isInstanceOf(InvalidSuiteException.class)
                .hasMessageContaining("domain 'mock' has no Assay implementation; supported: airline, retail");
    }

    @Test
    void aFolderWithoutItsDatabaseSaysWhereItLooked() throws IOException {
        Path copy = Files.createDirectories(temp.resolve("tau2").resolve("retail"));
        for (String file : List.of("tasks.json", "policy.md")) {
            Files.copy(Benchmarks.folder("tau-bench/tau2/retail").resolve(file), copy.resolve(file));
        }

        assertThatThrownBy(() -> loader.load(copy, context(Optional.empty())))
                .isInstanceOf(InvalidSuiteException.class)
                .hasMessageContaining("no retail database; expected db.json or products.json, users.json, orders.json in");
    }

    @Test
    void theContentHashChangesWithTheData() throws IOException {
        Path copy = Files.createDirectories(temp.resolve("tau1").resolve("airline"));
        try (var files = Files.list(Benchmarks.folder("tau-bench/tau1/airline"))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        String before = loader.load(copy, context(Optional.empty())).contentHash();
        Files.writeString(copy.resolve("users.json"), Files.readString(copy.resolve("users.json")).replaceFirst("Mia", "Mya"));

        assertThat(loader.load(copy, context(Optional.empty())).contentHash()).startsWith("sha256:").isNotEqualTo(before);
    }

    @Test
    void aTaskWithoutTheUsersReasonForCallIsNamed() throws IOException {
        Path copy = Files.createDirectories(temp.resolve("tau2").resolve("airline"));
        Path published = Benchmarks.folder("tau-bench/tau2/airline");
        Files.copy(published.resolve("policy.md"), copy.resolve("policy.md"));
        Files.writeString(copy.resolve("tasks.json"), Files.readString(published.resolve("tasks.json"))
                .replaceFirst("\"reason_for_call\"", "\"reason\""));
        for (String table : List.of("flights", "users", "reservations")) {
            Files.copy(Benchmarks.folder("tau-bench/tau1/airline").resolve(table + ".json"), copy.resolve(table + ".json"));
        }

        assertThatThrownBy(() -> loader.load(copy, context(Optional.empty())))
                .isInstanceOf(InvalidSuiteException.class)
                .hasMessageContaining("tasks.json:2: [0].user_scenario.instructions: task '0': expected the user's reason_for_call");
    }
}
