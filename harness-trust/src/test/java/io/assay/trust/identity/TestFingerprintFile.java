package io.assay.trust.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.launcher.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fingerprint written and read back whole; a file that is not one named with its first wrong field. */
class TestFingerprintFile {

    @TempDir
    Path temp;

    @Test
    void aWrittenFingerprintReadsBackEqual() throws Exception {
        Fingerprint fingerprint = FakeEndpoint.counting(KnownTokenizer.P50K_BASE).probe();
        Path file = temp.resolve("fingerprint.json");

        FingerprintFile.write(file, fingerprint);

        assertThat(FingerprintFile.read(file)).isEqualTo(fingerprint);
        assertThat(Files.readString(file)).contains("\"probe_set\" : \"" + ProbeSet.VERSION + "\"", "\"verdict\" : \"p50k_base\"");
    }

    @Test
    void aMissingFieldIsOneLineNamingTheFileAndTheField() throws Exception {
        Path file = temp.resolve("fingerprint.json");
        FingerprintFile.write(file, FakeEndpoint.counting(KnownTokenizer.CL100K_BASE).probe());
        Files.writeString(file, Files.readString(file).replace("\"emoji\"", "\"emoji_\"").replace("\"cjk\" : ", "\"cjk\" : -"));

        assertThatThrownBy(() -> FingerprintFile.read(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": not a fingerprint: field token_counts.cjk: expected a whole number, 0 or more, got -")
                .hasMessageNotContaining("\n");
    }

    @Test
    void emptyRefusalsOrFormattingAreRefusedNamingTheField() throws Exception {
        Path file = temp.resolve("fingerprint.json");
        FingerprintFile.write(file, FakeEndpoint.counting(KnownTokenizer.CL100K_BASE).probe());

        for (String field : new String[] {"refusals", "formatting"}) {
            ObjectNode fingerprint = (ObjectNode) new ObjectMapper().readTree(file.toFile());
            fingerprint.putObject(field);
            Path emptied = Files.writeString(temp.resolve("no-" + field + ".json"), fingerprint.toString());

            assertThatThrownBy(() -> FingerprintFile.read(emptied)).isInstanceOf(InputException.class)
                    .hasMessage(emptied + ": not a fingerprint: field " + field + ": expected an answer for each probe, got none");
        }
    }

    @Test
    void anUnknownTokenizerVerdictIsNamed() throws Exception {
        Path file = temp.resolve("fingerprint.json");
        FingerprintFile.write(file, FakeEndpoint.counting(KnownTokenizer.CL100K_BASE).probe());
        Files.writeString(file, Files.readString(file).replace("\"verdict\" : \"cl100k_base\"", "\"verdict\" : \"llama3\""));

        assertThatThrownBy(() -> FingerprintFile.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("field tokenizer.verdict: expected one of [cl100k_base, o200k_base, p50k_base, r50k_base]");
    }

    @Test
    void aFileThatIsNotJsonOrNotThereSaysSo() throws Exception {
        Path notJson = temp.resolve("notes.txt");
        Files.writeString(notJson, "gpt-4o, probably");

        assertThatThrownBy(() -> FingerprintFile.read(notJson)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(notJson + ": not a fingerprint: not valid JSON");
        assertThatThrownBy(() -> FingerprintFile.read(temp.resolve("absent.json"))).isInstanceOf(InputException.class)
                .hasMessage(temp.resolve("absent.json") + ": no such file");
        Files.writeString(notJson, "{\"probe_set\": \"" + ProbeSet.VERSION + "\"}");
        assertThatThrownBy(() -> FingerprintFile.read(notJson)).hasMessage(notJson + ": not a fingerprint: field model: missing");
    }
}
