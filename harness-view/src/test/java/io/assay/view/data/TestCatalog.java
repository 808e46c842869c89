package io.assay.view.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.launcher.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runs and audit reports the viewer finds in the folders it is given, and by what id. */
class TestCatalog {
    @TempDir
    Path folder;

    private Path run(String path) throws Exception {
        Path run = Files.createDirectories(folder.resolve(path));
        Files.writeString(run.resolve("manifest.json"), "{}");
        return run;
    }

    private Path file(String path, String text) throws Exception {
        Files.createDirectories(folder.resolve(path).getParent());
        return Files.writeString(folder.resolve(path), text);
    }

    @Test
    void findsRunsAndAuditReportsTwoLevelsDownButNotInsideARun() throws Exception {
        Path top = run("r1");
        Path nested = run("model-a/r2");
        run("lab/model-b/too-deep");
        run("r1/inside-a-run");
        Path audit = file("audits/suite-audit.json", "{\"suite\": \"s\", \"findings\": [], \"checklist\": [], \"summary\": {}}");
        file("audits/other.json", "{\"suite\": \"s\", \"findings\": []}");
        file("audits/notes.txt", "{\"findings\": [], \"checklist\": []}");
        file("audits/broken.json", "{\"findings\": [");

        Catalog catalog = new Catalog(List.of(folder));

        assertThat(catalog.runs()).containsOnlyKeys("r1", "r2");
        assertThat(catalog.runs().get("r1")).isEqualTo(top.toAbsolutePath());
        assertThat(catalog.runs().get("r2")).isEqualTo(nested.toAbsolutePath());
        assertThat(catalog.audits()).containsOnlyKeys("suite-audit");
        assertThat(catalog.audits().get("suite-audit")).isEqualTo(audit.toAbsolutePath());
    }

    @Test
    void runsOfTheSameNameGetSuffixesInTheOrderFound() throws Exception {
        run("a/r");
        run("b/r");

        Catalog catalog = new Catalog(List.of(folder.resolve("a"), folder.resolve("b")));

        assertThat(catalog.runs()).containsOnlyKeys("r", "r-2");
        assertThat(catalog.runs().get("r-2")).isEqualTo(folder.resolve("b/r").toAbsolutePath());
    }

    @Test
    void aRunGivenDirectlyIsShownAndOneStartedLaterIsFoundByTheNextScan() throws Exception {
        Path first = run("r1");
        Catalog direct = new Catalog(List.of(first));
        Catalog catalog = new Catalog(List.of(folder));

        run("r2");
        catalog.scan();

        assertThat(direct.runs()).containsOnlyKeys("r1");
        assertThat(catalog.runs()).containsOnlyKeys("r1", "r2");
    }

    @Test
    void onlyTheIndexesOfTheEightRunsLookedAtLastAreKept() throws Exception {
        for (int i = 1; i <= 9; i++) {
            Files.writeString(run("r" + i).resolve("manifest.json"), """
                    {"run_id": "r", "status": "completed", "suite": {"id": "s", "version": "1", "content_hash": "sha256:0",
                     "path": "s", "tasks": 1}, "agent": {"name": "null", "options": {}},
                     "settings": {"epochs": 1, "concurrency": 1, "timeout_seconds": 1, "retry_errors": 0, "seed": 0, "sinks": []},
                     "harness_version": "dev", "jdk": "x", "arguments": [], "working_directory": ".", "started": "2026-12-05T00:00:00Z"}
                    """);
        }
        Catalog catalog = new Catalog(List.of(folder));

        catalog.run("r1");
        for (int i = 2; i <= 9; i++) {
            catalog.run("r" + i);
        }

        assertThat(catalog.indexed("r1")).isEmpty();
        assertThat(catalog.indexed("r2")).isPresent();
        assertThat(catalog.indexed("r9")).isPresent();
    }

    @Test
    void aFolderThatDoesNotExistIsAnInputError() {
        assertThatThrownBy(() -> new Catalog(List.of(folder.resolve("nowhere"))))
                .isInstanceOf(InputException.class)
                .hasMessage(folder.resolve("nowhere") + ": no such folder");
    }
}
