package io.assay.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestPromptOptions {

    @ParameterizedTest(name = "{1} in \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Which gas is most common in air?\\nA) Oxygen\\nB) Nitrogen\\nC) Argon\\nD) Neon          | ABCD
            Which gas is most common in air? (A) Oxygen (B) Nitrogen (C) Argon                    | ABC
            Who painted it?\\nA. Vermeer\\nB. Rembrandt\\nC. Hals\\nD. Steen\\nE. Hooch              | ABCDE
            Who painted it? A. Vermeer B. Rembrandt C. Hals D. Steen                              | ABCD
            Pick one.\\n(a) north\\n(b) south\\n  c) east                                        | ABC
            Pick one: [A] yes [B] no                                                              | AB
            Compound (A) reacts with water. What forms?\\nA) acid\\nB) base\\nC) salt\\nD) gas    | ABCD
            Answer with A, B, C or D.                                                             | ''
            Reply (A), (B) or (C).                                                                | ''
            Plan A. Then plan B? Which costs less?                                                | ''
            See the U.S. A. Lincoln memorial.                                                     | ''
            """)
    void readsTheLabelledOptions(String prompt, String letters) {
        StringBuilder found = new StringBuilder();
        PromptOptions.letters(prompt.replace("\\n", "\n")).forEach(found::append);

        assertThat(found.toString()).isEqualTo(letters);
    }
}
