package io.assay.trust.bundle;

import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a run's manifest that bundling, verifying and replicating a claim read: a manifest
 * that reads as JSON but lacks one (such as {@code {"run_id":"a"}}) is named, never dereferenced.
 *
 * <pre>{@code
 * Manifest manifest = RecordedManifest.require(RunReport.manifestOf(run), run.resolve("manifest.json").toString());
 * Path suite = RecordedManifest.suiteDirectory(manifest);
 * }</pre>
 */
public final class RecordedManifest {

    private RecordedManifest() {
    }

    /** The fields {@code manifest} lacks, by their JSON names, such as {@code suite.content_hash}; empty when none. */
    public static List<String> missing(Manifest manifest) {
        List<String> missing = new ArrayList<>();
        if (manifest.suite() == null) {
            missing.add("suite");
        } else {
            if (manifest.suite().path() == null) {
                missing.add("suite.path");
            }
            if (manifest.suite().contentHash() == null) {
                missing.add("suite.content_hash");
            }
        }
        if (manifest.agent() == null || manifest.agent().name() == null) {
            missing.add(manifest.agent() == null ? "agent" : "agent.name");
        }
        if (manifest.settings() == null) {
            missing.add("settings");
        }
        return missing;
    }

    /**
     * {@code manifest}, when it has every field {@link #missing} looks for.
     *
     * @param file the manifest's file as the user knows it, for the message
     * @throws InputException naming the first missing field
     */
    public static Manifest require(Manifest manifest, String file) {
        List<String> missing = missing(manifest);
        if (!missing.isEmpty()) {
            throw new InputException(file + ": " + missing.getFirst() + ": missing" + (missing.size() > 1
                    ? " (also " + String.join(", ", missing.subList(1, missing.size())) + ")" : ""),
                    "a manifest as assay run writes it");
        }
        return manifest;
    }

    /** Where the manifest says the suite was: its path, resolved against the run's working directory when recorded. */
    public static Path suiteDirectory(Manifest manifest) {
        Path recorded = Path.of(manifest.suite().path());
        return manifest.workingDirectory() == null ? recorded : Path.of(manifest.workingDirectory()).resolve(recorded);
    }
}
