package io.assay.tau.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.assay.tau.python.PythonJson;
import io.assay.tau.retail.RetailTool.Behaviour;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reading the catalogue: a product with its variants, one variant (tau2 only), and every product type. */
final class CatalogTools {

    private CatalogTools() {
    }

    static List<Behaviour> all() {
        return List.of(
                Behaviour.reading("get_product_details",
                        (shop, arguments) -> shop.product(arguments.string("product_id")).deepCopy()),
                Behaviour.reading("get_item_details", (shop, arguments) -> {
                    String itemId = arguments.string("item_id");
                    for (JsonNode product : shop.table("products")) {
                        JsonNode variant = product.path("variants").path(itemId);
                        if (variant.isObject()) {
                            return variant.deepCopy();
                        }
                    }
                    throw shop.refusal("item not found", "Item not found");
                }),
                Behaviour.reading("list_all_product_types", (shop, arguments) -> {
                    // Upstream returns the text of json.dumps of a name -> id map sorted by name (a later
                    // product of the same name wins), not an object: the agent reads exactly that text.
                    Map<String, String> byName = new TreeMap<>();
                    for (JsonNode product : shop.table("products")) {
                        byName.put(product.path("name").asText(), product.path("product_id").asText());
                    }
                    return TextNode.valueOf(PythonJson.dumps(byName));
                }));
    }
}
