package io.assay.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading reward.txt and reward.json strictly: anything but numbers in [0, 1] is refused. */
class TestVerifierReward {

    @Test
    void rewardTxtHoldsOneNumber() {
        assertThat(VerifierReward.fromText(" 0.75\n")).isEqualTo(new VerifierReward(Map.of("reward", 0.75), 0.75));
        assertThatThrownBy(() -> VerifierReward.fromText("")).hasMessage("expected one number, got \"\"");
        assertThatThrownBy(() -> VerifierReward.fromText("1 1")).hasMessage("expected one number, got \"1 1\"");
        assertThatThrownBy(() -> VerifierReward.fromText("NaN")).hasMessage("expected one number, got \"NaN\"");
        assertThatThrownBy(() -> VerifierReward.fromText("-0.1")).hasMessage("the reward must be in [0, 1], got -0.1");
    }

    @Test
    void rewardJsonScoresItsRewardElseTheMean() {
        assertThat(VerifierReward.fromJson("{\"tests\": 0, \"reward\": 1}").score()).isEqualTo(1.0);
        assertThat(VerifierReward.fromJson("{\"a\": 1, \"b\": 0.5, \"c\": 0}").score()).isEqualTo(0.5);
        assertThat(VerifierReward.fromJson("{\"b\": 1, \"a\": 0}").values()).containsExactly(
                Map.entry("b", 1.0), Map.entry("a", 0.0));
    }

    @Test
    void rewardJsonMustBeAnObjectOfNumbersInRange() {
        assertThatThrownBy(() -> VerifierReward.fromJson("{}")).hasMessageStartingWith("expected a JSON object of named numbers");
        assertThatThrownBy(() -> VerifierReward.fromJson("[1]")).hasMessageStartingWith("expected a JSON object of named numbers");
        assertThatThrownBy(() -> VerifierReward.fromJson("{\"reward\": ")).hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> VerifierReward.fromJson("{\"a\": true}")).hasMessage("\"a\": expected a number, got true");
        assertThatThrownBy(() -> VerifierReward.fromJson("{\"a\": 3, \"b\": 0}"))
                .hasMessage("the reward must be in [0, 1], got 1.5");
    }
}
