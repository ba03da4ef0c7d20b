package io.alphintra.cluster.internal;

import io.alphintra.cluster.NodeIdentity;
import io.alphintra.cluster.Region;
import io.alphintra.config.support.ConfigReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A validated cluster configuration; see {@link ConfigReader} for how bad values are reported.
 *
 * @param secretFile the file holding the cluster's shared secret; see {@link ClusterSecret}
 */
record ClusterSettings(NodeIdentity identity, String bindAddress, int port, int portCount, List<String> members,
                       Optional<Path> secretFile) {
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** @throws io.alphintra.config.support.InvalidConfigurationException naming every bad key and value */
    static ClusterSettings from(ClusterConfig config, Map<String, ?> raw) {
        ConfigReader<ClusterConfig> reader = new ConfigReader<>(ClusterConfig.PID, config, raw);
        String clusterName = reader.text("clusterName", ClusterConfig::clusterName);
        String nodeName = reader.text("nodeName", ClusterConfig::nodeName);
        Region region = reader.parsed("region", ClusterConfig::region, Region::parse);
        String bindAddress = reader.text("bindAddress", ClusterConfig::bindAddress);
        Integer port = reader.port("port", ClusterConfig::port);
        Integer portCount = reader.range("portCount", ClusterConfig::portCount, 1, 100);
        String memberList = reader.get("members", ClusterConfig::members);
        List<String> members = new ArrayList<>();
        if (memberList != null) {
            for (String member : memberList.split(",")) {
                String trimmed = member.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String problem = addressProblem(trimmed);
                if (problem != null) {
                    reader.problem("members", memberList, "'" + trimmed + "' " + problem);
                } else {
                    members.add(trimmed);
                }
            }
        }
        String secretFile = reader.get("clusterSecretFile", ClusterConfig::clusterSecretFile);
        Path secretPath = null;
        if (secretFile != null && !secretFile.isBlank()) {
            try {
                secretPath = Path.of(secretFile.trim());
                if (!secretPath.isAbsolute()) {
                    reader.problem("clusterSecretFile", secretFile, "must be an absolute path (e.g. "
                            + "${karaf.etc}/cluster.secret)");
                }
            } catch (InvalidPathException e) {
                reader.problem("clusterSecretFile", secretFile, "is not a path: " + e.getMessage());
            }
        }
        reader.requireValid();
        return new ClusterSettings(new NodeIdentity(clusterName, nodeName, region), bindAddress, port, portCount,
                List.copyOf(members), Optional.ofNullable(secretPath));
    }

    /**
     * Whether other machines may reach the member: true unless {@link #bindAddress()} is a loopback address written
     * as one (127.x.x.x, ::1). A host name or an interface pattern counts as beyond loopback; it is not resolved.
     */
    boolean bindsBeyondLoopback() {
        if (!IPV4_LITERAL.matcher(bindAddress).matches() && bindAddress.indexOf(':') < 0) {
            return true;
        }
        try {
            // A literal address: parsed, never looked up.
            return !InetAddress.getByName(bindAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /** Null when {@code host[:port]} is well formed, else what is wrong with it. */
    static String addressProblem(String address) {
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            return null;
        }
        if (colon == 0) {
            return "has no host";
        }
        String port = address.substring(colon + 1);
        try {
            int value = Integer.parseInt(port);
            return value >= 1 && value <= 65535 ? null : "has port " + port + " outside 1..65535";
        } catch (NumberFormatException e) {
            return "has port '" + port + "' that is not a number (list each member; ranges are not accepted)";
        }
    }
}
