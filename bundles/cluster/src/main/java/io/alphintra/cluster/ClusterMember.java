package io.alphintra.cluster;

import java.io.Serializable;
import java.util.Objects;

/**
 * One member of the cluster as the node directory knows it: shared through Hazelcast, so every node sees
 * every other node's entry.
 *
 * @param memberId      the Hazelcast member UUID
 * @param identity      the member's node identity
 * @param address       the member's cluster address, {@code host:port}
 * @param version       the Alphintra version the member runs
 * @param joinedAtMillis when the member joined, epoch milliseconds
 */
public record ClusterMember(String memberId, NodeIdentity identity, String address, String version,
                            long joinedAtMillis) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ClusterMember {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(version, "version");
    }
}
