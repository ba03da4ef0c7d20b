package io.alphintra.cluster.internal;

import com.hazelcast.instance.EndpointQualifier;
import com.hazelcast.instance.impl.DefaultNodeContext;
import com.hazelcast.instance.impl.DefaultNodeExtension;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.instance.impl.NodeExtension;
import com.hazelcast.nio.MemberSocketInterceptor;

/**
 * Hazelcast's open-source node with a socket interceptor. Open source has the hook (every accepted and every opened
 * connection passes through {@code NodeExtension.getSocketInterceptor} when the network configuration enables
 * socket interception) but its node extension only logs that the feature is Enterprise-only and returns none; this
 * extension returns the {@link SecretHandshake}. Internal Hazelcast API, pinned by the Hazelcast version the
 * distribution ships; {@code SecuredMembershipTest} fails if an upgrade changes it.
 */
final class SecretCheckingNodeContext extends DefaultNodeContext {
    private final MemberSocketInterceptor handshake;

    SecretCheckingNodeContext(MemberSocketInterceptor handshake) {
        this.handshake = handshake;
    }

    @Override
    public NodeExtension createNodeExtension(Node node) {
        return new SecretCheckingNodeExtension(node, handshake);
    }

    private static final class SecretCheckingNodeExtension extends DefaultNodeExtension {
        private final MemberSocketInterceptor handshake;

        SecretCheckingNodeExtension(Node node, MemberSocketInterceptor handshake) {
            super(node);
            this.handshake = handshake;
        }

        @Override
        public MemberSocketInterceptor getSocketInterceptor(EndpointQualifier endpointQualifier) {
            return handshake;
        }
    }
}
