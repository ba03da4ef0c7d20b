package io.alphintra.cluster;

import java.io.Serializable;
import java.util.Objects;

/**
 * Who a node is: the name operators know it by, the region it serves and the cluster it joins.
 *
 * @param clusterName the Hazelcast cluster name; nodes join only clusters of the same name
 * @param nodeName    the operator-facing name of this node, unique within the cluster
 * @param region      the region this node serves
 */
public record NodeIdentity(String clusterName, String nodeName, Region region) implements Serializable {
    private static final long serialVersionUID = 1L;

    public NodeIdentity {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(region, "region");
    }
}
