package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.alphintra.cluster.ClusterService;
import io.alphintra.cluster.ClusterState;
import io.alphintra.http.HttpEndpoint;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.Repository;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** The built distribution, booted as a user would get it. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionIT {
    private static final Duration BOOT = Duration.ofSeconds(90);
    private static final Duration QUICK = Duration.ofSeconds(30);
    private static final String PROBE = "io.alphintra.itest-probe";

    @Inject
    private BundleContext bundleContext;

    @Inject
    private FeaturesService featuresService;

    @Inject
    private ServiceComponentRuntime componentRuntime;

    @Inject
    private SessionFactory sessionFactory;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private HttpEndpoint http;

    @Inject
    private ClusterService cluster;

    @Configuration
    public Option[] configuration() {
        return KarafNode.options();
    }

    @Test
    public void everyAlphintraFeatureIsInstalled() throws Exception {
        List<String> features = new ArrayList<>();
        for (Repository repository : featuresService.listRepositories()) {
            if (repository.getName().startsWith("alphintra")) {
                for (Feature feature : repository.getFeatures()) {
                    features.add(feature.getName());
                    assertTrue("feature " + feature.getName() + " is installed", featuresService.isInstalled(feature));
                }
            }
        }
        assertTrue("the alphintra features are known: " + features,
                features.containsAll(List.of("alphintra", "alphintra-cluster", "alphintra-http", "alphintra-console")));
    }

    @Test
    public void everyBundleIsActiveAndEveryComponentSatisfied() {
        Poll.until("every bundle is active", BOOT, () -> inactiveBundles().toString(), () -> inactiveBundles().isEmpty());
        Poll.until("every Alphintra component is satisfied", BOOT, () -> unsatisfiedComponents().toString(),
                () -> unsatisfiedComponents().isEmpty());
        long alphintraComponents = componentRuntime.getComponentDescriptionDTOs().stream()
                .filter(description -> description.bundle.symbolicName.startsWith("io.alphintra.")).count();
        assertTrue("the cluster and HTTP components are declared", alphintraComponents >= 3);
    }

    @Test
    public void healthAnswersWithTheNodeAndItsCluster() {
        String url = http.baseUrl() + "/health";
        Poll.until("/health answers 200", BOOT, () -> Http.get(url).toString(), () -> Http.get(url).status() == 200);
        JsonObject health = new JsonObject(Http.get(url).body());
        assertEquals("UP", health.getString("status"));
        assertEquals("node-1", health.getString("node"));
        assertEquals("AMER", health.getString("region"));
        assertEquals("alphintra", health.getString("cluster"));
        assertEquals(Integer.valueOf(1), health.getInteger("clusterSize"));
        assertEquals(bundle("io.alphintra.http").getVersion().toString(), health.getString("version"));
    }

    @Test
    public void statusCommandShowsTheNode() throws Exception {
        awaitCluster();
        String output = ShellCommands.run(sessionFactory, "itest", "viewer", "alphintra:status");
        assertTrue(output, output.contains("node-1 (this node)"));
        assertTrue(output, output.contains("AMER"));
        assertTrue(output, output.contains(http.baseUrl()));
        assertTrue(output, output.contains("io.alphintra.cluster"));
        assertTrue(output, output.matches("(?s).*io\\.alphintra\\.http\\s*\\|[^\\n]*\\|\\s*Active.*"));
    }

    @Test
    public void badConfigurationIsReportedAndTheLastGoodOneKept() throws Exception {
        awaitCluster();
        int port = http.port();
        org.osgi.service.cm.Configuration httpConfig = configurationAdmin.getConfiguration("io.alphintra.http", null);
        org.osgi.service.cm.Configuration clusterConfig = configurationAdmin.getConfiguration("io.alphintra.cluster", null);
        Dictionary<String, Object> httpGood = copy(httpConfig.getProperties());
        Dictionary<String, Object> clusterGood = copy(clusterConfig.getProperties());
        try {
            Dictionary<String, Object> badPort = copy(httpGood);
            badPort.put("port", "abc");
            httpConfig.update(badPort);
            Dictionary<String, Object> badRegion = copy(clusterGood);
            badRegion.put("region", "MARS");
            clusterConfig.update(badRegion);

            Poll.until("the bad port is logged with its key and value", QUICK,
                    () -> "no such line in " + NodeLog.path(),
                    () -> NodeLog.file().contains("Invalid configuration io.alphintra.http: port = 'abc'"));
            Poll.until("the unknown region is logged with its key and value", QUICK,
                    () -> "no such line in " + NodeLog.path(),
                    () -> NodeLog.file().contains("Invalid configuration io.alphintra.cluster: region = 'MARS'"));
            assertEquals("still listening on the last good port", port, http.port());
            assertEquals(200, Http.get(http.baseUrl() + "/health").status());
            assertEquals("AMER", cluster.localNode().region().name());
            assertEquals(ClusterState.RUNNING, cluster.state());
        } finally {
            httpConfig.update(httpGood);
            clusterConfig.update(clusterGood);
        }
    }

    @Test
    public void installedBundleRegistersItsComponentAndUninstallingRemovesIt() throws Exception {
        String probe = http.baseUrl() + "/probe";
        assertEquals(404, Http.get(probe).status());

        Bundle bundle = bundleContext.installBundle(probeJar().toURI().toString());
        bundle.start();
        Poll.until("the probe component is active", QUICK, () -> componentStates(PROBE).toString(),
                () -> componentStates(PROBE).equals(List.of(ComponentConfigurationDTO.ACTIVE)));
        Poll.until("GET /probe answers", QUICK, () -> Http.get(probe).toString(), () -> Http.get(probe).status() == 200);

        bundle.uninstall();
        Poll.until("GET /probe is gone", QUICK, () -> Http.get(probe).toString(), () -> Http.get(probe).status() == 404);
        assertTrue("the probe component is gone", componentStates(PROBE).isEmpty());
        assertEquals("the rest keeps running", 200, Http.get(http.baseUrl() + "/health").status());
    }

    @Test
    public void bundleDroppedIntoDeployIsStartedAndRemovedWithItsFile() throws Exception {
        String probe = http.baseUrl() + "/probe";
        Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", "probe.jar");
        Files.copy(probeJar().toPath(), deployed, StandardCopyOption.REPLACE_EXISTING);
        try {
            Poll.until("the dropped bundle is active", QUICK, () -> String.valueOf(bundleOrNull(PROBE)),
                    () -> bundleOrNull(PROBE) != null && bundleOrNull(PROBE).getState() == Bundle.ACTIVE);
            Poll.until("GET /probe answers", QUICK, () -> Http.get(probe).toString(),
                    () -> Http.get(probe).status() == 200);
        } finally {
            Files.delete(deployed);
        }
        Poll.until("the removed bundle is uninstalled", QUICK, () -> String.valueOf(bundleOrNull(PROBE)),
                () -> bundleOrNull(PROBE) == null);
        Poll.until("GET /probe is gone", QUICK, () -> Http.get(probe).toString(), () -> Http.get(probe).status() == 404);
        assertEquals("the rest keeps running", 200, Http.get(http.baseUrl() + "/health").status());
    }

    private void awaitCluster() {
        Poll.until("the cluster member runs", BOOT, () -> cluster.state().name(),
                () -> cluster.state() == ClusterState.RUNNING);
    }

    private List<String> inactiveBundles() {
        return Arrays.stream(bundleContext.getBundles())
                .filter(bundle -> bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null)
                .filter(bundle -> bundle.getState() != Bundle.ACTIVE)
                .map(bundle -> bundle.getSymbolicName() + " state " + bundle.getState())
                .collect(Collectors.toList());
    }

    private List<String> unsatisfiedComponents() {
        List<String> unsatisfied = new ArrayList<>();
        for (ComponentDescriptionDTO description : componentRuntime.getComponentDescriptionDTOs()) {
            if (!description.bundle.symbolicName.startsWith("io.alphintra.")) {
                continue;
            }
            var configurations = componentRuntime.getComponentConfigurationDTOs(description);
            if (configurations.isEmpty() && !"require".equals(description.configurationPolicy)) {
                unsatisfied.add(description.name + " has no configuration");
            }
            for (ComponentConfigurationDTO configuration : configurations) {
                if (configuration.state != ComponentConfigurationDTO.ACTIVE
                        && configuration.state != ComponentConfigurationDTO.SATISFIED) {
                    unsatisfied.add(description.name + " state " + configuration.state);
                }
            }
        }
        return unsatisfied;
    }

    private List<Integer> componentStates(String bundleSymbolicName) {
        return componentRuntime.getComponentDescriptionDTOs().stream()
                .filter(description -> description.bundle.symbolicName.equals(bundleSymbolicName))
                .flatMap(description -> componentRuntime.getComponentConfigurationDTOs(description).stream())
                .map(configuration -> configuration.state)
                .collect(Collectors.toList());
    }

    private Bundle bundle(String symbolicName) {
        Bundle bundle = bundleOrNull(symbolicName);
        assertFalse("bundle " + symbolicName + " is installed", bundle == null);
        return bundle;
    }

    private Bundle bundleOrNull(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles())
                .filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
                .findFirst().orElse(null);
    }

    private static File probeJar() {
        File jar = new File(System.getProperty("alphintra.probe.jar"));
        assertTrue("the probe bundle was built: " + jar, jar.isFile());
        return jar;
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> properties) {
        Dictionary<String, Object> copy = new Hashtable<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            copy.put(key, properties.get(key));
        }
        return copy;
    }
}
