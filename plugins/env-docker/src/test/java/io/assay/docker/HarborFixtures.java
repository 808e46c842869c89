package io.assay.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes Harbor task directories for tests. */
final class HarborFixtures {
    static final String INSTRUCTION = "Write the number of lines of /app/in.txt to /app/out.txt.\n";

    private HarborFixtures() {
    }

    /** A complete, valid task directory {@code parent/id} whose task.toml is {@code toml}. */
    static Path task(Path parent, String id, String toml) throws IOException {
        Path task = parent.resolve(id);
        write(task.resolve("task.toml"), toml);
        write(task.resolve("instruction.md"), INSTRUCTION);
        write(task.resolve("environment/Dockerfile"), "FROM assay/busybox:latest\nWORKDIR /app\n");
        write(task.resolve("tests/test.sh"), "#!/bin/bash\necho 0 > /logs/verifier/reward.txt\n");
        write(task.resolve("solution/solve.sh"), "#!/bin/bash\nwc -l < /app/in.txt > /app/out.txt\n");
        return task;
    }

    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
