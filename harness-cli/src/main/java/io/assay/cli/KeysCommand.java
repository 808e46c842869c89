package io.assay.cli;

import io.assay.trust.bundle.Ed25519;
import io.assay.trust.bundle.KeyFiles;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code assay keys}: the Ed25519 key pairs result bundles are signed with. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Makes the key pairs result bundles are signed with.",
        subcommands = KeysCommand.Generate.class,
        footer = {"", "Examples:", "  assay keys generate --out ~/.assay/signing.pem"})
final class KeysCommand {

    /** {@code assay keys generate}: a new Ed25519 key pair, never over an existing one. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Writes a new Ed25519 key pair.",
                    "FILE is the private key (PKCS#8 PEM, readable by you alone) and FILE.pub the public key (X.509 PEM)"
                            + " to publish beside your bundles.",
                    "Prints the public key's fingerprint (the SHA-256 of its encoding), which bundles name their signer by,"
                            + " on stderr. An existing file is never overwritten."},
            footer = {"", "Examples:",
                    "  assay keys generate --out signing.pem",
                    "  assay bundle runs/arith-oracle --key signing.pem --out arith-oracle.zip",
                    "",
                    "Exit codes: 0 written, 2 bad usage (FILE or FILE.pub exists, or cannot be written)."})
    static final class Generate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--out", paramLabel = "FILE", required = true,
                description = "The private key file; the public key goes to FILE.pub.")
        Path out;

        @Override
        public Integer call() {
            KeyPair keys = KeyFiles.generate(out);
            spec.commandLine().getErr().println("wrote " + out + " (private, keep it secret) and " + KeyFiles.publicKeyFile(out)
                    + " (public); fingerprint " + Ed25519.fingerprint(keys.getPublic()));
            return 0;
        }
    }
}
