package io.assay.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * USD prices per million tokens by model name. A model not in the table has an unknown cost, never
 * a guessed one: names match exactly, since a dated snapshot may be priced unlike its alias.
 *
 * <p>A price file is JSON:
 * <pre>{@code
 * {"usd_per_million_tokens": {"gpt-4o-mini": {"input": 0.15, "output": 0.60}}}
 * }</pre>
 */
public final class PriceTable {

    private static final String FIELD = "usd_per_million_tokens";

    private final Map<String, Price> prices;

    private PriceTable(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** What one model costs. */
    public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {

        public Price {
            Objects.requireNonNull(inputPerMillion, "inputPerMillion");
            Objects.requireNonNull(outputPerMillion, "outputPerMillion");
        }

        /** The exact USD cost of {@code usage}. */
        public BigDecimal cost(Usage usage) {
            return inputPerMillion.multiply(BigDecimal.valueOf(usage.inputTokens()))
                    .add(outputPerMillion.multiply(BigDecimal.valueOf(usage.outputTokens())))
                    .movePointLeft(6).stripTrailingZeros();
        }
    }

    public static PriceTable of(Map<String, Price> prices) {
        return new PriceTable(prices);
    }

    /** The built-in list prices of a handful of well-known models (see {@code prices.json} for the date). */
    public static PriceTable defaults() {
        String resource = "prices.json";
        try (InputStream in = Objects.requireNonNull(PriceTable.class.getResourceAsStream(resource), resource)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in " + resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a price file.
     *
     * @throws IllegalArgumentException naming the file and field when it cannot be read or is malformed
     */
    public static PriceTable load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the price file (" + e.getMessage() + ")");
        }
        return parse(text, file.toString());
    }

    private static PriceTable parse(String text, String source) {
        JsonNode root;
        try {
            root = ModelJson.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        JsonNode table = root == null ? null : root.get(FIELD);
        if (table == null || !table.isObject()) {
            throw new IllegalArgumentException(source + ": expected an object " + FIELD
                    + " mapping model names to {\"input\": USD, \"output\": USD}");
        }
        Map<String, Price> prices = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = FIELD + "." + entry.getKey();
            prices.put(entry.getKey(), new Price(usd(source, path, entry.getValue(), "input"),
                    usd(source, path, entry.getValue(), "output")));
        }
        return new PriceTable(prices);
    }

    private static BigDecimal usd(String source, String path, JsonNode price, String field) {
        JsonNode value = price.get(field);
        if (value == null || !value.isNumber() || value.decimalValue().signum() < 0) {
            throw new IllegalArgumentException(source + ": " + path + "." + field
                    + ": expected a non-negative number of USD per million tokens");
        }
        return value.decimalValue();
    }

    /** This table with {@code overrides}' prices added or replacing these. */
    public PriceTable plus(PriceTable overrides) {
        Map<String, Price> merged = new LinkedHashMap<>(prices);
        merged.putAll(overrides.prices);
        return new PriceTable(merged);
    }

    public Optional<Price> price(String model) {
        return Optional.ofNullable(prices.get(model));
    }

    /** The USD cost of {@code usage} on {@code model}, or empty when the model is not in the table. */
    public Optional<BigDecimal> cost(String model, Usage usage) {
        return price(model).map(price -> price.cost(usage));
    }
}
