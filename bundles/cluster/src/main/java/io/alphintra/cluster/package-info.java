/**
 * The cluster a node belongs to: its identity ({@link io.alphintra.cluster.NodeIdentity}), the other members
 * ({@link io.alphintra.cluster.ClusterService}) and the Hazelcast member other bundles share state through.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.alphintra.cluster;
