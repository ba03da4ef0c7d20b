package io.alphintra.cluster;

/** Life cycle of the local cluster member. */
public enum ClusterState {
    /** The member is being created or is joining; shared state is not available yet. */
    STARTING,
    /** The member has joined (or formed) its cluster. */
    RUNNING,
    /** The member could not start; the reason is logged and reported by {@link ClusterService#failure()}. */
    FAILED,
    /** The member was shut down. */
    STOPPED
}
