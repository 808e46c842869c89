package io.assay.cli;

import io.assay.kit.Plural;
import io.assay.launcher.Assay;
import io.assay.trust.bundle.BundleVerifier;
import io.assay.trust.bundle.KeyFiles;
import io.assay.trust.bundle.Verification;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assay verify}: whether a result bundle is what its signer signed, and holds together. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks a signed result bundle, its hashes and its trials.",
                "Checks a result bundle made by assay bundle: the signature over hashes.json by the given public"
                + " key; every run file against its signed hash (none missing, changed or added); that summary.json"
                + " recomputes exactly from trials.jsonl; that each (task, epoch) appears once, as many as the manifest's"
                + " tasks x epochs (with --suite, the suite's task ids); that the images and plugin jars hashes.json signs"
                + " are those the trials and the manifest recorded (printed as info lines to compare with yours); and,"
                + " with --suite, that the suite on disk is the one that ran. Only entries hashes.json names are unpacked,"
                + " none past its signed size; a zip with bytes before, between or under its entries fails.",
                "It proves the files are the ones the key's owner signed and agree with each other; not that the run"
                        + " was honest (assay replicate re-runs a sample of it). Each failure is one line,"
                        + " FILE[:LINE]: field: expectation; checks that could not run are named, never passed."},
        footer = {"", "Examples:",
                "  assay verify arith-oracle.zip --pubkey signing.pem.pub",
                "  assay verify arith-oracle.zip --pubkey signing.pem.pub --suite examples/arithmetic",
                "",
                "Exit codes: 0 every check held, 1 a check failed (each named; a truncated or corrupt zip is one),"
                        + " 2 bad usage (no such bundle or suite, a key file that is not an Ed25519 public key)."})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions shared;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "A zip written by `assay bundle`.")
    Path bundle;

    @Option(names = "--pubkey", paramLabel = "FILE", required = true, description = "The signer's public key (FILE.pub of assay keys generate).")
    Path pubkey;

    @Option(names = "--suite", paramLabel = "DIR", description = "The suite to check against the one that ran.")
    Path suite;

    @Override
    public Integer call() {
        PublicKey key = KeyFiles.readPublic(pubkey);
        Assay assay = suite != null ? shared.open() : null;
        Verification result = BundleVerifier.verify(bundle, key, assay, suite);
        PrintWriter stdout = spec.commandLine().getOut();
        result.info().forEach(line -> stdout.println("info: " + line));
        result.held().forEach(check -> stdout.println("ok: " + check));
        result.notChecked().forEach(check -> stdout.println("not checked: " + check));
        result.failures().forEach(stdout::println);
        stdout.println(result.holds()
                ? "verified " + bundle + ": " + Plural.of(result.held().size(), "check") + " held"
                        + (result.notChecked().isEmpty() ? "" : ", " + result.notChecked().size() + " not checked")
                : "NOT verified " + bundle + ": " + Plural.of(result.failures().size(), "failure"));
        stdout.flush();
        return result.holds() ? 0 : ErrorReporter.FAILURES;
    }
}
