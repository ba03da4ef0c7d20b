package io.alphintra.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.cluster.Region;
import io.alphintra.config.support.ConfigReader;
import io.alphintra.config.support.InvalidConfigurationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

    @Test
    void shippedDefaultsAreASingleLoopbackNode() {
        ClusterSettings settings = ClusterSettings.from(ConfigReader.defaults(ClusterConfig.class), Map.of());
        assertThat(settings.identity().nodeName()).isEqualTo("node-1");
        assertThat(settings.identity().region()).isEqualTo(Region.AMER);
        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.members()).isEmpty();
    }

    @Test
    void membersAreSplitAndRegionParsedIgnoringCase() {
        ClusterSettings settings = ClusterSettings.from(config("emea", "127.0.0.1:5701, 127.0.0.1:5702 ,"), Map.of());
        assertThat(settings.identity().region()).isEqualTo(Region.EMEA);
        assertThat(settings.members()).containsExactly("127.0.0.1:5701", "127.0.0.1:5702");
    }

    @Test
    void everyBadValueIsNamedWithItsKey() {
        assertThatThrownBy(() -> ClusterSettings.from(config("MARS", "127.0.0.1:5701-5703"),
                Map.of("region", "MARS", "members", "127.0.0.1:5701-5703")))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems()).hasSize(2))
                .hasMessageContaining("region = 'MARS': unknown region 'MARS', expected one of AMER, EMEA, APAC")
                .hasMessageContaining("members = '127.0.0.1:5701-5703': '127.0.0.1:5701-5703' has port '5701-5703'");
    }

    @Test
    void addressProblemsAreSpecific() {
        assertThat(ClusterSettings.addressProblem("10.0.0.1")).isNull();
        assertThat(ClusterSettings.addressProblem("host:70000")).contains("outside 1..65535");
        assertThat(ClusterSettings.addressProblem(":5701")).isEqualTo("has no host");
    }

    @Test
    void hazelcastIsConfiguredForLoopbackWithoutDiscovery() {
        ClusterSettings settings = ClusterSettings.from(config("APAC", "127.0.0.1:6001"), Map.of());
        var config = ClusterNode.hazelcastConfig(settings);
        var join = config.getNetworkConfig().getJoin();
        assertThat(join.getMulticastConfig().isEnabled()).isFalse();
        assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
        assertThat(join.getTcpIpConfig().getMembers()).isEqualTo(List.of("127.0.0.1:6001"));
        assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
        assertThat(config.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
        assertThat(config.getMemberAttributeConfig().getAttribute("region")).isEqualTo("APAC");
        assertThat(config.getSerializationConfig().getJavaSerializationFilterConfig().isDefaultsDisabled()).isTrue();
        assertThat(config.getNetworkConfig().getSocketInterceptorConfig()).isNull();
    }

    @Test
    void secretFileMustBeAnAbsolutePath() {
        assertThat(ClusterSettings.from(TestSupport.config(Map.of()), Map.of()).secretFile()).isEmpty();
        assertThat(ClusterSettings.from(TestSupport.config(Map.of("clusterSecretFile", " /etc/alphintra/cluster.secret ")),
                Map.of()).secretFile()).contains(Path.of("/etc/alphintra/cluster.secret"));
        assertThatThrownBy(() -> ClusterSettings.from(TestSupport.config(Map.of("clusterSecretFile", "cluster.secret")),
                Map.of("clusterSecretFile", "cluster.secret")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("clusterSecretFile = 'cluster.secret': must be an absolute path");
    }

    @Test
    void onlyLoopbackAddressesWrittenAsSuchCountAsLoopback() {
        assertThat(bindingTo("127.0.0.1").bindsBeyondLoopback()).isFalse();
        assertThat(bindingTo("127.0.1.1").bindsBeyondLoopback()).isFalse();
        assertThat(bindingTo("::1").bindsBeyondLoopback()).isFalse();
        assertThat(bindingTo("0.0.0.0").bindsBeyondLoopback()).isTrue();
        assertThat(bindingTo("::").bindsBeyondLoopback()).isTrue();
        assertThat(bindingTo("10.1.2.3").bindsBeyondLoopback()).isTrue();
        assertThat(bindingTo("127.0.0.*").bindsBeyondLoopback()).isTrue();
        assertThat(bindingTo("localhost").bindsBeyondLoopback()).isTrue();
    }

    private static ClusterSettings bindingTo(String bindAddress) {
        return ClusterSettings.from(TestSupport.config(Map.of("bindAddress", bindAddress)), Map.of());
    }

    private static ClusterConfig config(String region, String members) {
        return TestSupport.config(Map.of("region", region, "members", members));
    }
}
