package io.assay.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts of money as the shop keeps them: {@link BigDecimal} with two decimals, in the state and
 * in every computation, so a refund of {@code 54.04} is never {@code 54.039999}.
 */
final class Money {
    static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() {
    }

    /** The amount in a state field; the data and every tool keep cents exact, so no rounding happens. */
    static BigDecimal of(JsonNode field) {
        return field.decimalValue().setScale(2, RoundingMode.UNNECESSARY);
    }

    static DecimalNode node(BigDecimal amount) {
        return DecimalNode.valueOf(amount.setScale(2, RoundingMode.UNNECESSARY));
    }
}
