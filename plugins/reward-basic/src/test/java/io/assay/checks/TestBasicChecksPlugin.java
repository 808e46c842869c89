package io.assay.checks;

import static io.assay.checks.CheckFixture.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.AssayPlugin;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.RewardCheckFactory;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestBasicChecksPlugin {

    @Test
    void serviceLoaderFindsThePluginWithAllTwelveChecks() {
        List<AssayPlugin> plugins = ServiceLoader.load(AssayPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(BasicChecksPlugin.class::isInstance)
                .toList();

        assertThat(plugins).hasSize(1);
        assertThat(plugins.getFirst().rewardChecks()).extracting(RewardCheckFactory::name)
                .containsExactlyInAnyOrder("exact", "contains", "regex", "numeric", "choice", "json",
                        "all", "any", "weighted", "state_match", "outputs", "actions");
    }

    @Test
    void everyCheckDescribesItself() {
        assertThat(new BasicChecksPlugin().rewardChecks())
                .allSatisfy(factory -> assertThat(factory.description()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"exact", "contains", "regex", "numeric", "choice", "json", "all", "any", "weighted"})
    void everyCheckRejectsAnUnknownOption(String type) {
        assertThatThrownBy(() -> check(Map.of("type", type, "bogus", 1)))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.bogus"));
    }
}
