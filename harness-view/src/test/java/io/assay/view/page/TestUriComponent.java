package io.assay.view.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Segments encoded as the pages' encodeURIComponent encodes them, so a file's document keys are the paths asked for. */
class TestUriComponent {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // what encodeURIComponent gives in a browser, character for character
            "q1|q1",
            "a b/c?d#e&f|a%20b%2Fc%3Fd%23e%26f",
            "-_.!~*'()|-_.!~*'()",
            "Brasília ✓|Bras%C3%ADlia%20%E2%9C%93",
            "<script>|%3Cscript%3E",
            "..|..",
            "100%|100%25"})
    void encodesAsJavaScriptsEncodeUriComponent(String text, String encoded) {
        assertThat(UriComponent.encode(text)).isEqualTo(encoded);
        assertThat(UriComponent.decode(encoded)).contains(text);
    }

    @ParameterizedTest
    @CsvSource({"%", "%4", "%zz", "%C3"})
    void aMalformedSegmentDecodesToNothing(String segment) {
        assertThat(UriComponent.decode(segment)).isEmpty();
    }

    @Test
    void aLoneSurrogateIsEncodedAsTheReplacementCharacterAsToWellFormedMakesIt() {
        assertThat(UriComponent.encode("a\uD800b")).isEqualTo("a%EF%BF%BDb");
        assertThat(UriComponent.encode("\uD83D\uDE00")).isEqualTo("%F0%9F%98%80");
    }

    @Test
    void aPlusStaysAPlus() {
        assertThat(UriComponent.decode("a+b")).contains("a+b");
    }
}
