package io.assay.retail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.tools.Domain;
import io.assay.tools.DomainTool;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

/**
 * A simulated online shop in the manner of tau-bench's retail domain: 20 users with addresses and
 * payment methods (credit cards, PayPal, gift cards with balances), 50 orders in every status, and
 * 12 products with their variants. Its tools authenticate users, read orders and the catalogue, and
 * cancel, modify, return and exchange orders under the shop's rules. Money is exact: decimals with
 * two places, never floating point.
 *
 * <pre>{@code
 * ObjectNode state = new RetailDomain().initialState();   // {"users": {...}, "orders": {...}, "products": {...}}
 * }</pre>
 */
public final class RetailDomain implements Domain {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    private static final ObjectNode INITIAL = load();
    private static final List<DomainTool> TOOLS = Stream.of(AccountTools.all(), CatalogTools.all(),
                    OrderTools.all(), ItemTools.all(), List.of(Calculator.tool()))
            .<DomainTool>flatMap(List::stream)
            .toList();

    @Override
    public ObjectNode initialState() {
        return INITIAL.deepCopy();
    }

    @Override
    public List<DomainTool> tools() {
        return TOOLS;
    }

    private static ObjectNode load() {
        ObjectNode state = MAPPER.getNodeFactory().objectNode();
        for (String table : List.of("users", "orders", "products")) {
            String resource = "data/" + table + ".json";
            try (InputStream in = RetailDomain.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("retail data io/assay/retail/" + resource + " is missing from the classpath");
                }
                JsonNode records = MAPPER.readTree(in);
                if (!records.isObject()) {
                    throw new IllegalStateException("retail data io/assay/retail/" + resource
                            + ": expected an object of records keyed by id");
                }
                state.set(table, records);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read retail data io/assay/retail/" + resource + ": " + e.getMessage(), e);
            }
        }
        return state;
    }
}
