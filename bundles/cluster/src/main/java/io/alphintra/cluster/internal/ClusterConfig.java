package io.alphintra.cluster.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = ClusterConfig.PID, name = "Alphintra cluster member",
        description = "The node's identity and its embedded Hazelcast member. Everything binds to loopback by default.")
@interface ClusterConfig {
    String PID = "io.alphintra.cluster";

    @AttributeDefinition(description = "Cluster name; only members with the same name join each other.")
    String clusterName() default "alphintra";

    @AttributeDefinition(description = "Name of this node, unique within the cluster.")
    String nodeName() default "node-1";

    @AttributeDefinition(description = "Region this node serves: AMER, EMEA or APAC.")
    String region() default "AMER";

    @AttributeDefinition(description = "Interface the member binds to and advertises.")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(description = "First port the member tries; it takes the next free one of portCount ports.",
            min = "1", max = "65535")
    int port() default 5701;

    @AttributeDefinition(description = "How many ports from 'port' the member may take.", min = "1", max = "100")
    int portCount() default 10;

    @AttributeDefinition(description = "Other members to join, comma-separated host:port; empty for a single node.")
    String members() default "";

    @AttributeDefinition(description = "Absolute path of an owner-only file holding the cluster's shared secret "
            + "(at least 32 characters, the same on every node); members and clients that cannot prove it are "
            + "turned away. Required when bindAddress is not loopback; empty: no secret.")
    String clusterSecretFile() default "";
}
