package io.alphintra.sdk.testkit.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.jar.Manifest;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.annotation.versioning.ConsumerType;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.FileResource;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.version.Version;
import io.alphintra.sdk.strategy.StrategyFactory;

/**
 * Proves that the semantic-version baseline (bnd's {@link Baseline}, the engine of {@code bnd-baseline-maven-plugin}
 * configured on {@code plugins-sdk/api}) fails an incompatible change of the SDK API and passes a compatible one
 * with the right bump.
 *
 * <p>No SDK has been released yet, so the test plays the release: it installs the API jar of this build as
 * {@code io.alphintra:alphintra-sdk-api:1.0.0} into a temporary Maven repository, then builds "the next version"
 * from a copy of the real source with one change, compiles it with the JDK's compiler and baselines it against
 * the installed release, as the plugin does against the last release in the repository.
 */
class ApiBaselineTest {

    private static final String STRATEGY = "io.alphintra.sdk.strategy";

    @TempDir
    Path work;

    private Path released;

    @BeforeEach
    void releaseTheCurrentApiAs100() throws Exception {
        Path repository = work.resolve("repository");
        released = repository.resolve("io/alphintra/alphintra-sdk-api/1.0.0/alphintra-sdk-api-1.0.0.jar");
        Files.createDirectories(released.getParent());
        try (Jar current = new Jar("alphintra-sdk-api", locationOf(StrategyFactory.class).toFile())) {
            assertThat(exportedVersion(current, STRATEGY)).as("the API's strategy package as built").isEqualTo("1.0.0");
            current.write(released.toFile());
        }
        Files.writeString(released.resolveSibling("alphintra-sdk-api-1.0.0.pom"), "<project><modelVersion>4.0.0"
                + "</modelVersion><groupId>io.alphintra</groupId><artifactId>alphintra-sdk-api</artifactId>"
                + "<version>1.0.0</version></project>\n");
    }

    @Test
    void unchangedApiPasses() throws Exception {
        Baseline.Info info = baseline(STRATEGY, "StrategyFactory", null, "1.0.0");
        assertThat(info.mismatch).as("mismatch for an unchanged package").isFalse();
        assertThat(info.suggestedVersion).isEqualTo(new Version(1, 0, 0));
    }

    @Test
    void abstractMethodAddedToConsumerTypeNeedsMajorBumpAndFailsAt100() throws Exception {
        assertThat(StrategyFactory.class.isAnnotationPresent(ConsumerType.class) || hasConsumerTypeInSource())
                .as("StrategyFactory is a @ConsumerType").isTrue();
        Baseline.Info info = baseline(STRATEGY, "StrategyFactory", "    String description();\n", "1.0.0");
        assertThat(info.mismatch).as("baseline mismatch (the build fails)").isTrue();
        assertThat(info.suggestedVersion).as("suggested version").isEqualTo(new Version(2, 0, 0));
    }

    @Test
    void abstractMethodAddedToConsumerTypeStillFailsWithOnlyAMinorBump() throws Exception {
        Baseline.Info info = baseline(STRATEGY, "StrategyFactory", "    String description();\n", "1.1.0");
        assertThat(info.mismatch).as("a minor bump does not cover a break of implementers").isTrue();
    }

    /**
     * The rule SDK 1.1 relies on: a default method added to a {@code @ConsumerType} breaks no implementer (their
     * classes inherit it), so a minor bump covers it, as for {@code ExchangeAdapter.executionsSince}.
     */
    @Test
    void defaultMethodAddedToConsumerTypeNeedsOnlyAMinorBump() throws Exception {
        String added = "    default String description() { return \"\"; }\n";
        Baseline.Info unbumped = baseline(STRATEGY, "StrategyFactory", added, "1.0.0");
        assertThat(unbumped.mismatch).as("adding a default method to a @ConsumerType at 1.0.0").isTrue();
        assertThat(unbumped.suggestedVersion).as("suggested version").isEqualTo(new Version(1, 1, 0));

        Baseline.Info bumped = baseline(STRATEGY, "StrategyFactory", added, "1.1.0");
        assertThat(bumped.mismatch).as("adding a default method to a @ConsumerType with the package at 1.1.0")
                .isFalse();
    }

    @Test
    void methodAddedToProviderTypeNeedsMinorBump() throws Exception {
        String added = "    long eventSequence();\n";
        Baseline.Info unbumped = baseline(STRATEGY, "StrategyContext", added, "1.0.0");
        assertThat(unbumped.mismatch).as("adding to a @ProviderType at 1.0.0").isTrue();
        assertThat(unbumped.suggestedVersion).isEqualTo(new Version(1, 1, 0));

        Baseline.Info bumped = baseline(STRATEGY, "StrategyContext", added, "1.1.0");
        assertThat(bumped.mismatch).as("adding to a @ProviderType with the package at 1.1.0").isFalse();
    }

    /**
     * Builds the next API jar: the released one with {@code member} added to {@code type} (compiled from a copy
     * of the real source) and the package exported at {@code packageVersion}, and baselines it.
     */
    private Baseline.Info baseline(String packageName, String type, String member, String packageVersion)
            throws Exception {
        Path next = work.resolve("next-" + type + "-" + packageVersion + "-" + (member == null ? "same" : "changed")
                + ".jar");
        try (Jar jar = new Jar(released.toFile())) {
            if (member != null) {
                Path classFile = compileChanged(packageName, type, member);
                jar.putResource(packageName.replace('.', '/') + "/" + type + ".class",
                        new FileResource(classFile.toFile()));
            }
            Manifest manifest = jar.getManifest();
            Parameters exports = new Parameters(manifest.getMainAttributes().getValue(Constants.EXPORT_PACKAGE));
            Attrs attrs = exports.get(packageName);
            attrs.put(Constants.VERSION_ATTRIBUTE, packageVersion);
            manifest.getMainAttributes().putValue(Constants.EXPORT_PACKAGE, exports.toString());
            jar.setManifest(manifest);
            jar.write(next.toFile());
        }
        try (Processor reporter = new Processor(); Jar newer = new Jar(next.toFile());
                Jar older = new Jar(released.toFile())) {
            Set<Baseline.Info> infos = new Baseline(reporter, new DiffPluginImpl()).baseline(newer, older, null);
            return infos.stream().filter(i -> i.packageName.equals(packageName)).findFirst()
                    .orElseThrow(() -> new AssertionError("no baseline information for " + packageName));
        }
    }

    private Path compileChanged(String packageName, String type, String member) throws Exception {
        Path source = sources().resolve(packageName.replace('.', '/')).resolve(type + ".java");
        String text = Files.readString(source, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('}');
        Path copy = work.resolve("src-" + type).resolve(packageName.replace('.', '/')).resolve(type + ".java");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, text.substring(0, end) + member + text.substring(end), StandardCharsets.UTF_8);
        Path classes = work.resolve("classes-" + type + "-" + System.nanoTime());
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        String classPath = released + File.pathSeparator + locationOf(ConsumerType.class);
        int status = compiler.run(null, null, null, "-d", classes.toString(), "-cp", classPath, "--release", "17",
                "-proc:none", copy.toString());
        assertThat(status).as("javac of the changed %s", type).isZero();
        return classes.resolve(packageName.replace('.', '/')).resolve(type + ".class");
    }

    private static Path sources() {
        String property = System.getProperty("alphintra.sdk.api.sources");
        Path path = Paths.get(property != null ? property : "../api/src/main/java");
        assertThat(path).as("the API sources (system property alphintra.sdk.api.sources)").isDirectory();
        return path;
    }

    private static boolean hasConsumerTypeInSource() throws Exception {
        List<String> lines = Files.readAllLines(sources().resolve("io/alphintra/sdk/strategy/StrategyFactory.java"));
        return lines.contains("@ConsumerType");
    }

    private static String exportedVersion(Jar jar, String packageName) throws Exception {
        Parameters exports = new Parameters(jar.getManifest().getMainAttributes().getValue(Constants.EXPORT_PACKAGE));
        Attrs attrs = exports.get(packageName);
        return attrs == null ? null : attrs.getVersion();
    }

    private static Path locationOf(Class<?> type) throws URISyntaxException {
        return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
