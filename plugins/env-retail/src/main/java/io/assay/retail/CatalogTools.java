package io.assay.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Options;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reading the product catalogue: which products exist and each one's variants, prices and availability. */
final class CatalogTools {

    private CatalogTools() {
    }

    static List<RetailTool> all() {
        return List.of(
                RetailTool.reading("list_all_product_types",
                        "Lists every product type the shop sells, as a map from product name to product id.",
                        new Parameters(), CatalogTools::productTypes),
                RetailTool.reading("get_product_details",
                        "Gets a product's variants: each variant's item id, options, price and whether it is "
                                + "available.",
                        new Parameters().text("product_id", "The product's id, such as '6086499569'. Note that a "
                                + "product id differs from an item id."),
                        (shop, arguments) -> shop.product(arguments.string("product_id")).deepCopy()));
    }

    private static JsonNode productTypes(Shop shop, Options arguments) {
        Map<String, String> byName = new TreeMap<>();
        for (JsonNode product : shop.products()) {
            byName.put(product.path("name").asText(), product.path("product_id").asText());
        }
        ObjectNode result = shop.products().objectNode();
        byName.forEach(result::put);
        return result;
    }
}
