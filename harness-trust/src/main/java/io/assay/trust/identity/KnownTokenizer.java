package io.assay.trust.identity;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * A tokenizer whose counts Assay can reproduce offline: OpenAI's encodings, through jtokkit. Other
 * model families' tokenizers have no well-kept Java library, so their endpoints read as "none of the
 * known tokenizers" and are compared by their raw counts.
 *
 * <pre>{@code
 * KnownTokenizer.O200K_BASE.count("東京の天気");   // tokens of the text alone, no chat template
 * }</pre>
 */
public enum KnownTokenizer {
    CL100K_BASE(EncodingType.CL100K_BASE),
    O200K_BASE(EncodingType.O200K_BASE),
    P50K_BASE(EncodingType.P50K_BASE),
    R50K_BASE(EncodingType.R50K_BASE);

    /** Lazy: an encoding's ranks load only when one of its counts is first asked for. */
    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private final EncodingType type;

    KnownTokenizer(EncodingType type) {
        this.type = type;
    }

    /** The encoding's name, as tiktoken spells it: {@code cl100k_base}. */
    public String id() {
        return type.getName();
    }

    /** How many tokens {@code text} is in this encoding; special tokens count as plain text. */
    public long count(String text) {
        return REGISTRY.getEncoding(type).countTokensOrdinary(text);
    }
}
