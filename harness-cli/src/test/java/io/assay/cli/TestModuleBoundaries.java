package io.assay.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map of docs/architecture.md, checked on the compiled main classes of every module of
 * the build (read from each module's output folder, so no module has to be on this test's class
 * path, as the bundled plugins are not). Each rule is one line of the map's "may depend on" table.
 */
class TestModuleBoundaries {
    private static final String ENGINE = "io.assay.core..";
    private static final String FACADE = "io.assay.launcher..";
    private static final String[] FRONT_ENDS = {"io.assay.view..", "io.assay.rank..", "io.assay.trust.."};
    private static final String[] PLUGINS = {"io.assay.agents..", "io.assay.checks..", "io.assay.docker..",
            "io.assay.retail..", "io.assay.tau..", "io.assay.judge..", "com.example.."};
    private static final String[] LIBRARIES = {"io.assay.models..", "io.assay.tools..", "io.assay.kit.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importEveryModule() throws IOException {
        classes = new ClassFileImporter().importPaths(mainClassFolders());
        assertThat(classes.containPackage("io.assay.judge")).as("the plugins were read").isTrue();
    }

    @Test
    void onlyTheEngineAndItsFacadeUseEngineInternals() {
        noClasses().that().resideOutsideOfPackages(ENGINE, FACADE)
                .should().dependOnClassesThat().resideInAPackage(ENGINE)
                .check(classes);
    }

    @Test
    void theSpiNeedsOnlyTheJdk() {
        noClasses().that().resideInAPackage("io.assay.spi..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.assay.spi..", "java..")
                .check(classes);
    }

    @Test
    void thePluginKitNeedsOnlyTheJdkAndTheSpi() {
        noClasses().that().resideInAnyPackage("io.assay.kit..", "io.assay.testkit..")
                .should().dependOnClassesThat()
                .resideOutsideOfPackages("io.assay.kit..", "io.assay.testkit..", "io.assay.spi..", "java..", "javax..",
                        "com.sun.net.httpserver..")
                .check(classes);
    }

    @Test
    void librariesDoNotDependOnPluginsOrTheEngine() {
        noClasses().that().resideInAnyPackage(LIBRARIES)
                .should().dependOnClassesThat().resideInAnyPackage(concat(concat(PLUGINS, FRONT_ENDS), ENGINE, FACADE, "io.assay.cli.."))
                .check(classes);
    }

    @Test
    void pluginsDoNotDependOnOneAnother() {
        slices().matching("io.assay.(agents|checks|docker|retail|tau|judge)..").should().notDependOnEachOther()
                .check(classes);
        noClasses().that().resideInAnyPackage(PLUGINS)
                .should().dependOnClassesThat().resideInAnyPackage(concat(FRONT_ENDS, "io.assay.cli..", FACADE))
                .check(classes);
    }

    @Test
    void frontEndsReadResultsThroughTheFacadeAndKnowNoPluginNorTheCommandLine() {
        noClasses().that().resideInAnyPackage(FRONT_ENDS)
                .should().dependOnClassesThat().resideInAnyPackage(concat(PLUGINS, ENGINE, "io.assay.cli.."))
                .check(classes);
    }

    /** Each module's main classes folder, as the root pom lists the modules. */
    private static Path[] mainClassFolders() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String target = System.getProperty("assay.target", "target");
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(root.resolve("pom.xml")));
        List<Path> folders = new ArrayList<>();
        while (module.find()) {
            Path folder = root.resolve(module.group(1)).resolve(target).resolve("classes");
            assertThat(folder).as("module %s is built before this test runs", module.group(1)).isDirectory();
            folders.add(folder);
        }
        return folders.toArray(Path[]::new);
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
