package io.assay.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPriceTable {

    @TempDir
    Path dir;

    @Test
    void costIsExactFromTheBuiltInTable() {
        PriceTable prices = PriceTable.defaults();

        // 1000 input at 0.15 and 500 output at 0.60 USD per million.
        assertThat(prices.cost("gpt-4o-mini", new Usage(1000, 500))).contains(new BigDecimal("0.00045"));
        assertThat(prices.cost("claude-sonnet-4-5", new Usage(1_000_000, 0))).hasValueSatisfying(
                cost -> assertThat(cost).isEqualByComparingTo("3"));
    }

    @Test
    void anUnknownModelHasNoCostEvenIfItLooksLikeAKnownOne() {
        PriceTable prices = PriceTable.defaults();

        assertThat(prices.cost("my-finetune", new Usage(10, 10))).isEmpty();
        assertThat(prices.cost("gpt-4o-mini-2024-07-18", new Usage(10, 10))).isEmpty();
    }

    @Test
    void loadsAFileAndOverridesTheDefaults() throws Exception {
        Path file = dir.resolve("prices.json");
        Files.writeString(file, """
                {"usd_per_million_tokens": {"gpt-4o-mini": {"input": 1, "output": 2}, "local": {"input": 0, "output": 0}}}""");

        PriceTable prices = PriceTable.defaults().plus(PriceTable.load(file));

        assertThat(prices.price("gpt-4o-mini")).contains(new PriceTable.Price(BigDecimal.ONE, BigDecimal.TWO));
        assertThat(prices.cost("local", new Usage(5, 5))).hasValueSatisfying(c -> assertThat(c).isZero());
        assertThat(prices.price("gpt-4o")).isPresent();
    }

    @Test
    void aBadFileIsRejectedNamingTheField() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"usd_per_million_tokens\": {\"m\": {\"input\": \"cheap\", \"output\": 1}}}");

        assertThatThrownBy(() -> PriceTable.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": usd_per_million_tokens.m.input: expected a non-negative number of USD per million tokens");
        assertThatThrownBy(() -> PriceTable.load(dir.resolve("missing.json")))
                .hasMessageContaining("missing.json: cannot read the price file");
    }

    @Test
    void ofBuildsATableInCode() {
        PriceTable prices = PriceTable.of(Map.of("m", new PriceTable.Price(new BigDecimal("2"), new BigDecimal("4"))));

        assertThat(prices.cost("m", new Usage(500_000, 250_000))).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("2"));
    }
}
