package io.assay.trust.identity;

import java.util.List;

/**
 * One call's evidence about the tokenizer behind an endpoint: the texts it sent and the input
 * tokens the endpoint reported for them. Calls with the same {@code layout} (the request with its
 * texts blanked out: roles, tools, message count) carry the same chat-template overhead, so under
 * the right tokenizer the endpoint's count minus the texts' count is the same for all of them.
 *
 * <pre>{@code
 * new TokenSample("probe", List.of("東京の天気は晴れです。"), 21);
 * }</pre>
 *
 * @param layout what the call's template overhead depends on; only samples with equal layouts are compared
 * @param texts the texts the call sent, each tokenized on its own (tokens never span two messages)
 * @param reported the input tokens the endpoint reported
 */
public record TokenSample(String layout, List<String> texts, long reported) {

    public TokenSample {
        texts = List.copyOf(texts);
    }

    /** The texts' tokens in {@code tokenizer}. */
    long counted(KnownTokenizer tokenizer) {
        return texts.stream().mapToLong(tokenizer::count).sum();
    }
}
