package io.assay.cli;

import io.assay.trust.bundle.BundleWriter;
import io.assay.trust.bundle.Ed25519;
import io.assay.trust.bundle.HashTree;
import io.assay.trust.bundle.KeyFiles;
import io.assay.kit.Plural;
import io.assay.launcher.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assay bundle}: a run directory, its hash tree and a signature over it, in one zip. */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = {"Packs a run into a signed result bundle.",
                "The bundle is a zip of the run directory (run/), its hash tree (hashes.json) and an Ed25519 signature"
                        + " over that (signature).",
                "hashes.json holds the SHA-256 and size of every file of the run, the suite as loaded (id, version, content"
                        + " hash and every file's SHA-256), the images sandboxed trials ran in, the plugin jars the run"
                        + " recorded, the Assay versions and the signer's key fingerprint. The suite must be the one the"
                        + " run evaluated: found where the manifest says, or given with --suite. Check a bundle with"
                        + " assay verify (docs/trust.md)."},
        footer = {"", "Examples:",
                "  assay keys generate --out signing.pem",
                "  assay run examples/arithmetic --agent oracle --out runs/arith-oracle",
                "  assay bundle runs/arith-oracle --key signing.pem --out arith-oracle.zip",
                "  assay bundle runs/arith-oracle --key signing.pem --out arith-oracle.zip --suite ../copy/arithmetic",
                "",
                "Exit codes: 0 written, 2 bad usage or input (no such run, the suite missing or not the one that ran,"
                        + " a key file that is not an Ed25519 key, BUNDLE exists)."})
final class BundleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions shared;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A directory written by `assay run`.")
    Path run;

    @Option(names = "--key", paramLabel = "FILE", required = true,
            description = "The private key (from assay keys generate); its public key FILE.pub must be beside it.")
    Path key;

    @Option(names = "--out", paramLabel = "BUNDLE", required = true, description = "The zip to write; never overwritten.")
    Path out;

    @Option(names = "--suite", paramLabel = "DIR",
            description = "The suite the run evaluated (default: the manifest's path, against its working directory).")
    Path suite;

    @Override
    public Integer call() {
        PrivateKey privateKey = KeyFiles.readPrivate(key);
        PublicKey publicKey = KeyFiles.readPublic(KeyFiles.publicKeyFile(key));
        if (!Ed25519.matches(privateKey, publicKey)) {
            throw new InputException(KeyFiles.publicKeyFile(key) + " is not the public key of " + key,
                    "sign with a key pair made by assay keys generate, kept together");
        }
        HashTree tree = BundleWriter.write(shared.open(), run, new KeyPair(publicKey, privateKey), suite, out);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote " + out + ": " + Plural.of(tree.run().files().size(), "run file") + ", suite " + tree.suite().id()
                + " " + tree.suite().version() + " (" + Plural.of(tree.suite().files().size(), "file") + "), "
                + Plural.of(tree.images().size(), "image") + ", " + (tree.plugins() == null ? "plugin jars not recorded by this run"
                : Plural.of(tree.plugins().size(), "plugin jar")) + "; signed by " + tree.signer().publicKeySha256());
        stdout.flush();
        return 0;
    }
}
