package io.alphintra.cluster.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.SocketInterceptorConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceFactory;
import com.hazelcast.map.IMap;
import io.alphintra.cluster.ClusterMember;
import io.alphintra.cluster.ClusterService;
import io.alphintra.cluster.ClusterState;
import io.alphintra.cluster.NodeIdentity;
import io.alphintra.config.support.ConfigReader;
import io.alphintra.config.support.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's Hazelcast member. The member is started on a thread of its own because joining takes seconds and
 * Declarative Services activates components synchronously during boot. Once it runs, the member is registered as a
 * {@link HazelcastInstance} service and the node enters itself in the cluster's node directory.
 *
 * <p>A member that other machines can reach must hold the cluster's shared secret ({@link ClusterSecret}); without
 * one it is refused (state {@link ClusterState#FAILED}, the reason in {@link #failure()} and so in {@code /health}).
 * Every member, secret or not, deserializes only the classes {@link #deserializationFilter()} allows.
 */
@Component(service = ClusterService.class, configurationPid = ClusterConfig.PID, immediate = true)
@Designate(ocd = ClusterConfig.class)
public final class ClusterNode implements ClusterService {
    /** Node directory shared by all members: member UUID to {@link ClusterMember}. */
    static final String NODE_DIRECTORY = "alphintra.nodes";

    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);

    private final BundleContext bundleContext;
    private final String version;
    private final ExecutorService lifecycle = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "alphintra-cluster-lifecycle");
        thread.setDaemon(true);
        return thread;
    });

    private volatile ClusterSettings settings;
    private volatile ClusterState state = ClusterState.STARTING;
    private volatile HazelcastInstance hazelcast;
    private volatile String failure;
    private ServiceRegistration<HazelcastInstance> registration;

    @Activate
    public ClusterNode(BundleContext bundleContext, ClusterConfig config, Map<String, Object> properties) {
        this.bundleContext = bundleContext;
        this.version = bundleContext.getBundle().getVersion().toString();
        ClusterSettings initial;
        try {
            initial = ClusterSettings.from(config, properties);
        } catch (InvalidConfigurationException e) {
            LOG.error("{}. Starting with the shipped defaults instead.", e.getMessage());
            initial = ClusterSettings.from(ConfigReader.defaults(ClusterConfig.class), Map.of());
        }
        settings = initial;
        ClusterSettings toStart = initial;
        try {
            Optional<ClusterSecret> secret = ClusterSecret.forMember(toStart);
            lifecycle.execute(() -> start(toStart, secret));
        } catch (ClusterSecret.Refused e) {
            failure = e.getMessage();
            state = ClusterState.FAILED;
            LOG.error(e.getMessage());
        }
    }

    @Modified
    void modified(ClusterConfig config, Map<String, Object> properties) {
        ClusterSettings next;
        try {
            next = ClusterSettings.from(config, properties);
        } catch (InvalidConfigurationException e) {
            LOG.error("{}. Keeping the running configuration {}.", e.getMessage(), settings);
            return;
        }
        if (next.equals(settings)) {
            return;
        }
        Optional<ClusterSecret> secret;
        try {
            secret = ClusterSecret.forMember(next);
        } catch (ClusterSecret.Refused e) {
            LOG.error("{}. Keeping the current configuration {}.", e.getMessage(), settings);
            return;
        }
        LOG.info("Cluster configuration changed to {}; restarting the member", next);
        settings = next;
        lifecycle.execute(() -> {
            stop();
            start(next, secret);
        });
    }

    @Deactivate
    void deactivate() {
        lifecycle.execute(this::stop);
        lifecycle.shutdown();
        try {
            if (!lifecycle.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Cluster member did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void start(ClusterSettings toStart, Optional<ClusterSecret> secret) {
        state = ClusterState.STARTING;
        failure = null;
        if (secret.isPresent()) {
            LOG.info("Cluster member admits only peers that prove the shared secret in {}", secret.get().file());
        } else {
            LOG.info("Cluster member runs without a shared secret (no clusterSecretFile): any process on this "
                    + "machine that reaches {}:{} can join cluster '{}'", toStart.bindAddress(), toStart.port(),
                    toStart.identity().clusterName());
        }
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        // Hazelcast looks up its own services through the context class loader.
        current.setContextClassLoader(HazelcastInstance.class.getClassLoader());
        try {
            HazelcastInstance instance = newMember(hazelcastConfig(toStart), secret);
            instance.getCluster().addMembershipListener(new DirectoryCleaner(instance));
            Member local = instance.getCluster().getLocalMember();
            directory(instance).put(local.getUuid().toString(), new ClusterMember(local.getUuid().toString(),
                    toStart.identity(), address(local), version, System.currentTimeMillis()));
            hazelcast = instance;
            registration = bundleContext.registerService(HazelcastInstance.class, instance, serviceProperties(toStart));
            state = ClusterState.RUNNING;
            LOG.info("Node {} ({}) joined cluster '{}' at {} with {} member(s)", toStart.identity().nodeName(),
                    toStart.identity().region(), toStart.identity().clusterName(), address(local),
                    instance.getCluster().getMembers().size());
        } catch (RuntimeException e) {
            failure = e.toString();
            state = ClusterState.FAILED;
            LOG.error("Cluster member failed to start with {}", toStart, e);
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    private void stop() {
        ServiceRegistration<HazelcastInstance> toUnregister = registration;
        registration = null;
        if (toUnregister != null) {
            try {
                toUnregister.unregister();
            } catch (IllegalStateException alreadyGone) {
                // The bundle is stopping and the framework already removed it.
            }
        }
        HazelcastInstance instance = hazelcast;
        hazelcast = null;
        if (instance != null) {
            instance.shutdown();
        }
        state = ClusterState.STOPPED;
    }

    static Config hazelcastConfig(ClusterSettings settings) {
        Config config = new Config();
        config.setClusterName(settings.identity().clusterName());
        config.setInstanceName("alphintra-" + settings.identity().nodeName());
        // Values in shared maps are our own API classes; Hazelcast must see them through this bundle.
        config.setClassLoader(ClusterNode.class.getClassLoader());
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        // Nodes that start at the same moment can each form a cluster of one before they see each other; merge
        // them within seconds rather than Hazelcast's default five minutes.
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "15");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "15");
        config.getMemberAttributeConfig().setAttribute("node", settings.identity().nodeName());
        config.getMemberAttributeConfig().setAttribute("region", settings.identity().region().name());

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(true).setPortCount(settings.portCount());
        network.setPublicAddress(settings.bindAddress());
        network.getInterfaces().setEnabled(true).addInterface(settings.bindAddress());
        network.getRestApiConfig().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(new ArrayList<>(settings.members()));
        config.getSerializationConfig().setJavaSerializationFilterConfig(deserializationFilter());
        return config;
    }

    /**
     * Starts a member; with a secret, every connection to and from it must pass the {@link SecretHandshake} first.
     * Blocks until the member has joined its cluster or, finding no peer that admits it, formed one of its own.
     */
    static HazelcastInstance newMember(Config config, Optional<ClusterSecret> secret) {
        if (secret.isEmpty()) {
            return Hazelcast.newHazelcastInstance(config);
        }
        SecretHandshake handshake = new SecretHandshake(secret.get());
        config.getNetworkConfig().setSocketInterceptorConfig(
                new SocketInterceptorConfig().setEnabled(true).setImplementation(handshake));
        return HazelcastInstanceFactory.newHazelcastInstance(config, config.getInstanceName(),
                new SecretCheckingNodeContext(handshake));
    }

    /**
     * Java deserialization, default deny. A peer's bytes become objects only of the classes the cluster really
     * exchanges, checked before the class is loaded: the shared values of the API package, and what error responses
     * carry, since Hazelcast sends an exception from another member as a serialized Java object: Hazelcast's own
     * classes (not its shaded third-party libraries, which hold known gadget classes), {@code java.lang} (the
     * exceptions and errors themselves, stack traces, and the {@code Enum} of a {@code Region}) and the common
     * exceptions of {@code java.util}, {@code java.io} and {@code java.net}. A response the filter refuses is never
     * read, so its caller waits for Hazelcast's call timeout (two minutes) instead of seeing the exception; that
     * is why all of {@code java.lang} is allowed rather than its exceptions one by one.
     */
    static JavaSerializationFilterConfig deserializationFilter() {
        JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig().setDefaultsDisabled(true);
        filter.getWhitelist()
                .addPackages(ClusterMember.class.getPackageName(), "java.lang")
                .addPrefixes("com.hazelcast.")
                .addClasses("[Ljava.lang.StackTraceElement;",
                        // A Throwable's suppressed exceptions.
                        "java.util.ArrayList", "java.util.Collections$EmptyList",
                        "java.util.Collections$UnmodifiableRandomAccessList", "java.util.Collections$UnmodifiableList",
                        "java.util.Collections$UnmodifiableCollection",
                        "java.util.NoSuchElementException", "java.util.ConcurrentModificationException",
                        "java.util.concurrent.CancellationException", "java.util.concurrent.CompletionException",
                        "java.util.concurrent.ExecutionException", "java.util.concurrent.RejectedExecutionException",
                        "java.util.concurrent.TimeoutException", "java.io.IOException", "java.io.EOFException",
                        "java.io.UncheckedIOException", "java.io.NotSerializableException",
                        "java.io.InvalidClassException", "java.net.SocketException", "java.net.ConnectException",
                        "java.net.SocketTimeoutException");
        filter.getBlacklist().addPrefixes("com.hazelcast.shaded.");
        return filter;
    }

    private static Dictionary<String, Object> serviceProperties(ClusterSettings settings) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("alphintra.cluster", settings.identity().clusterName());
        properties.put("alphintra.node", settings.identity().nodeName());
        properties.put("alphintra.region", settings.identity().region().name());
        return properties;
    }

    private static IMap<String, ClusterMember> directory(HazelcastInstance instance) {
        return instance.getMap(NODE_DIRECTORY);
    }

    private static String address(Member member) {
        return member.getAddress().getHost() + ":" + member.getAddress().getPort();
    }

    @Override
    public NodeIdentity localNode() {
        return settings.identity();
    }

    @Override
    public ClusterState state() {
        return state;
    }

    @Override
    public List<ClusterMember> members() {
        HazelcastInstance instance = hazelcast;
        if (instance == null) {
            return List.of();
        }
        try {
            IMap<String, ClusterMember> directory = directory(instance);
            List<ClusterMember> members = new ArrayList<>();
            for (Member member : instance.getCluster().getMembers()) {
                String id = member.getUuid().toString();
                ClusterMember entry = directory.get(id);
                members.add(entry != null ? entry : anonymous(member));
            }
            members.sort(Comparator.comparing(member -> member.identity().nodeName()));
            return members;
        } catch (RuntimeException e) {
            // The member is shutting down under us.
            LOG.debug("Could not read the cluster members", e);
            return List.of();
        }
    }

    /** A member that has joined but not yet written its directory entry. */
    private ClusterMember anonymous(Member member) {
        String node = member.getAttribute("node");
        String region = member.getAttribute("region");
        NodeIdentity identity = new NodeIdentity(settings.identity().clusterName(),
                node != null ? node : member.getUuid().toString(),
                region != null ? io.alphintra.cluster.Region.parse(region) : settings.identity().region());
        return new ClusterMember(member.getUuid().toString(), identity, address(member), "unknown", 0L);
    }

    @Override
    public Optional<HazelcastInstance> hazelcast() {
        return Optional.ofNullable(hazelcast);
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Removes a departed member's directory entry; every member does it, which is harmless and needs no leader. */
    private static final class DirectoryCleaner implements MembershipListener {
        private final HazelcastInstance instance;

        DirectoryCleaner(HazelcastInstance instance) {
            this.instance = instance;
        }

        @Override
        public void memberAdded(MembershipEvent event) {
            LOG.info("Cluster member joined: {}", event.getMember());
        }

        @Override
        public void memberRemoved(MembershipEvent event) {
            LOG.info("Cluster member left: {}", event.getMember());
            try {
                directory(instance).removeAsync(event.getMember().getUuid().toString());
            } catch (RuntimeException e) {
                LOG.debug("Could not remove the directory entry of {}", event.getMember(), e);
            }
        }
    }
}
