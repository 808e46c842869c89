package io.assay.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestProblems {
    private static final Path SUITE = Path.of("suite.yaml");
    private static final Path TASKS = Path.of("tasks.jsonl");

    @TempDir
    Path directory;

    @Test
    void anInvalidFieldBecomesAProblemOnItsLineAndReadsAsNull() {
        Problems problems = new Problems();
        Options fields = new Options("", Map.of("epochs", "many"));

        Integer epochs = problems.value(SUITE, field -> field.equals("epochs") ? 4 : 0,
                () -> fields.integer("epochs", 1));

        assertThat(epochs).isNull();
        assertThat(problems.all()).singleElement().hasToString("suite.yaml:4: epochs: " + expectedOf(fields));
    }

    @Test
    void aValidFieldReadsAsItIs() {
        Problems problems = new Problems();

        Integer epochs = problems.value(SUITE, field -> 1, () -> 3);

        assertThat(epochs).isEqualTo(3);
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void aFailedValidationIsRecordedLikeAField() {
        Problems problems = new Problems();

        problems.validate(SUITE, field -> 7, () -> {
            throw new InvalidOptionException("environment.image", "required field is missing");
        });

        assertThat(problems.all()).containsExactly(
                new Problem(SUITE, 7, "environment.image", "required field is missing"));
    }

    @Test
    void listsInTheOrderFoundOrFileByFileEachFileByLine() {
        Problems problems = new Problems();
        problems.add(TASKS, 9, "id", "late");
        problems.add(SUITE, 5, "reward", "second");
        problems.add(TASKS, 2, "", "early");
        problems.addAll(List.of(new Problem(SUITE, 1, "id", "first")));

        assertThat(problems.all()).extracting(Problem::message).containsExactly("late", "second", "early", "first");
        assertThat(problems.byLine()).extracting(Problem::message).containsExactly("early", "late", "first", "second");
        assertThat(problems.size()).isEqualTo(4);
    }

    @Test
    void readsTextOrSaysWhyNot() throws IOException {
        Path good = Files.writeString(directory.resolve("instruction.md"), "Count the errors.");
        Path binary = Files.write(directory.resolve("binary.md"), new byte[] {(byte) 0xC3, (byte) 0x28});
        Problems problems = new Problems();

        assertThat(problems.readText(good)).isEqualTo("Count the errors.");
        assertThat(problems.readText(binary)).isNull();
        assertThat(problems.readText(directory.resolve("missing.md"))).isNull();

        assertThat(problems.all().getFirst()).isEqualTo(new Problem(binary, 0, "", "not valid UTF-8 text"));
        assertThat(problems.all().getLast().message()).startsWith("cannot be read: java.nio.file.NoSuchFileException");
    }

    private static String expectedOf(Options fields) {
        try {
            fields.integer("epochs", 1);
            throw new AssertionError("epochs should be invalid");
        } catch (InvalidOptionException e) {
            return e.expected();
        }
    }
}
