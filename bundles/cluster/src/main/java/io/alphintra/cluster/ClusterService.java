package io.alphintra.cluster;

import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The node's view of its cluster. Available as soon as the node starts; the Hazelcast member itself joins in the
 * background (joining takes seconds), so callers check {@link #state()} or wait for the {@link HazelcastInstance}
 * service, which is registered once the member runs.
 */
@ProviderType
public interface ClusterService {

    /** This node's identity, as configured. */
    NodeIdentity localNode();

    ClusterState state();

    /** The members currently in the cluster, this node included, ordered by node name; empty until running. */
    List<ClusterMember> members();

    /** The running Hazelcast member, or empty while starting, after a failure or once stopped. */
    Optional<HazelcastInstance> hazelcast();

    /** Why the member failed to start, when {@link #state()} is {@link ClusterState#FAILED}. */
    Optional<String> failure();
}
