package io.assay.trust.bundle;

import io.assay.launcher.Assay;
import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.spi.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The suite a run evaluated, found and hashed: loaded through the engine (id, version, content
 * hash) and every file of its directory.
 *
 * <pre>{@code
 * Path directory = RecordedManifest.suiteDirectory(manifest);
 * HashTree.Suite suite = SuiteHashes.of(SuiteHashes.load(assay, directory, manifest), directory, manifest);
 * }</pre>
 */
final class SuiteHashes {

    private SuiteHashes() {
    }

    /** The split the run loaded, or {@code null} for the suite's default tasks. */
    static String split(Manifest manifest) {
        return manifest.settings() == null || manifest.settings().selection() == null
                ? null : manifest.settings().selection().split();
    }

    /**
     * The suite in {@code directory}, loaded as the run loaded it: its split.
     *
     * @throws InputException when the directory is missing or the suite does not load
     * @throws io.assay.spi.InvalidSuiteException when the suite is recognised but invalid
     */
    static Suite load(Assay assay, Path directory, Manifest manifest) {
        if (!Files.exists(directory)) {
            throw new InputException("suite " + directory + " does not exist",
                    "give the suite the run evaluated with --suite DIR");
        }
        return assay.loadSuite(directory, split(manifest));
    }

    /**
     * {@code suite}, loaded from {@code directory}, with its files' hashes.
     *
     * @throws InputException when a file cannot be read
     */
    static HashTree.Suite of(Suite suite, Path directory, Manifest manifest) {
        try {
            return new HashTree.Suite(suite.id(), suite.version(), suite.contentHash(), manifest.suite().path(),
                    FileHash.ofDirectory(directory));
        } catch (IOException e) {
            throw new InputException("cannot read suite " + directory + ": " + e, "check its permissions");
        }
    }
}
