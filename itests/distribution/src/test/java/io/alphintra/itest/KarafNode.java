package io.alphintra.itest;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/** Pax Exam options that boot the built Alphintra distribution on free loopback ports. */
final class KarafNode {
    static final String[] JAVA_OPTIONS = {
        "--add-modules", "java.se",
        "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
        "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens", "java.management/sun.management=ALL-UNNAMED",
        "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED"
    };

    private KarafNode() {
    }

    static Option[] options() {
        return org.ops4j.pax.exam.OptionUtils.combine(nodeOptions(), TestAccounts.paxOptions());
    }

    private static Option[] nodeOptions() {
        String distribution = System.getProperty("alphintra.distribution");
        if (distribution == null || !new File(distribution).isFile()) {
            throw new IllegalStateException("alphintra.distribution does not name the built archive: " + distribution);
        }
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(distribution).toURI().toString())
                    .name("Alphintra")
                    .karafVersion("4.4.10")
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            vmOptions(JAVA_OPTIONS),
            // The node's boot as one stage: Pax Exam appends its own features after it, so they are installed only
            // once the node's are and Karaf's re-run of the boot after refreshing its features service is over;
            // in the same stage Pax Exam could install its probe during that re-run (PAXEXAM-765). The list is the
            // distribution's bootFeatures (karaf-distribution/pom.xml): change both together.
            editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBoot", "(instance, package, log,"
                    + " ssh, system, eventadmin, feature, shell, management, service, jaas, deployer, diagnostic, scr,"
                    + " bundle, config, kar, alphintra)"),
            editConfigurationFilePut("etc/io.alphintra.http.cfg", "port", String.valueOf(freePort())),
            editConfigurationFilePut("etc/io.alphintra.cluster.cfg", "port", String.valueOf(freePort())),
            editConfigurationFilePut("etc/io.alphintra.cluster.cfg", "portCount", "1"),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    System.getProperty("org.ops4j.pax.url.mvn.localRepository",
                            System.getProperty("user.home") + "/.m2/repository")),
            systemProperty("alphintra.probe.jar").value(System.getProperty("alphintra.probe.jar", "")),
            systemProperty("alphintra.strategy.probe.jar").value(System.getProperty("alphintra.strategy.probe.jar", "")),
            systemProperty("alphintra.generated.strategy.jar").value(System.getProperty("alphintra.generated.strategy.jar", "")),
            systemProperty("alphintra.generated.ruleset.jar").value(System.getProperty("alphintra.generated.ruleset.jar", "")),
            systemProperty("alphintra.generated.adapter.jar").value(System.getProperty("alphintra.generated.adapter.jar", ""))
        };
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
