package io.alphintra.cluster.internal;

import com.hazelcast.nio.MemberSocketInterceptor;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mutual proof of the {@link ClusterSecret} on every connection to or from this member, before Hazelcast speaks:
 * member to member, and also any Hazelcast client, which cannot take part and is therefore turned away.
 *
 * <pre>
 * connector → acceptor   "ACS" 1, connector nonce (32 bytes)
 * acceptor  → connector  "ACS" 1, acceptor nonce (32 bytes)
 * connector → acceptor   HMAC(key, "connector" | connector nonce | acceptor nonce)
 * acceptor  → connector  HMAC(key, "acceptor"  | connector nonce | acceptor nonce)
 * </pre>
 *
 * The connector proves first, so a stranger that connects to the port learns no HMAC it could attack offline; fresh
 * nonces on both sides make a recorded exchange useless for a later connection. It authenticates the peer when the
 * connection opens; it neither encrypts nor signs the traffic that follows (that needs TLS, which Hazelcast offers
 * only in its Enterprise edition).
 */
final class SecretHandshake implements MemberSocketInterceptor {
    private static final int TIMEOUT_MILLIS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(SecretHandshake.class);
    private static final byte[] MAGIC = "ACS".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HAZELCAST_MEMBER_PROTOCOL = "HZC".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 32;
    private static final String CONNECTOR = "connector";
    private static final String ACCEPTOR = "acceptor";

    private final ClusterSecret secret;
    private final SecureRandom random = new SecureRandom();

    SecretHandshake(ClusterSecret secret) {
        this.secret = secret;
    }

    @Override
    public void init(Properties properties) {
        // Configured through the constructor; Hazelcast calls this only for interceptors it creates from a class name.
    }

    @Override
    public void onConnect(Socket socket) throws IOException {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        try {
            connect(socket, peer);
        } catch (IOException e) {
            // Hazelcast logs a refused accept, but a failed connect only at its finest level: say why here.
            LOG.warn("Cluster member cannot connect to {}: {}", peer, e.getMessage());
            throw e;
        }
    }

    private void connect(Socket socket, String peer) throws IOException {
        withTimeout(socket, () -> {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            byte[] connectorNonce = nonce();
            send(out, hello(connectorNonce));
            byte[] acceptorNonce = readHello(in, peer, "Member at " + peer + " did not answer the cluster secret "
                    + "handshake: it runs without clusterSecretFile, or is not an Alphintra member");
            send(out, secret.proof(CONNECTOR, connectorNonce, acceptorNonce));
            byte[] proof = read(in, ClusterSecret.PROOF_BYTES, "Member at " + peer + " refused this member's proof of "
                    + "the cluster secret: the two hold different secrets (clusterSecretFile)");
            if (!secret.verify(ACCEPTOR, connectorNonce, acceptorNonce, proof)) {
                throw new IOException("Member at " + peer + " could not prove the cluster secret: it holds a "
                        + "different clusterSecretFile");
            }
        });
    }

    @Override
    public void onAccept(Socket socket) throws IOException {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        withTimeout(socket, () -> {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            byte[] connectorNonce = readHello(in, peer, "Peer " + peer + " closed the connection before the cluster "
                    + "secret handshake");
            byte[] acceptorNonce = nonce();
            send(out, hello(acceptorNonce));
            byte[] proof = read(in, ClusterSecret.PROOF_BYTES, "Peer " + peer + " did not prove the cluster secret");
            if (!secret.verify(CONNECTOR, connectorNonce, acceptorNonce, proof)) {
                throw new IOException("Peer " + peer + " could not prove the cluster secret: it holds a different "
                        + "clusterSecretFile; connection refused");
            }
            send(out, secret.proof(ACCEPTOR, connectorNonce, acceptorNonce));
        });
    }

    private byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return nonce;
    }

    private static byte[] hello(byte[] nonce) {
        byte[] hello = Arrays.copyOf(MAGIC, MAGIC.length + 1 + NONCE_BYTES);
        hello[MAGIC.length] = VERSION;
        System.arraycopy(nonce, 0, hello, MAGIC.length + 1, NONCE_BYTES);
        return hello;
    }

    /** The peer's nonce; reads exactly the handshake's bytes, so Hazelcast's own protocol starts where it expects. */
    private static byte[] readHello(DataInputStream in, String peer, String whenClosed) throws IOException {
        byte[] magic = read(in, MAGIC.length, whenClosed);
        if (Arrays.equals(magic, HAZELCAST_MEMBER_PROTOCOL)) {
            throw new IOException("Member at " + peer + " speaks Hazelcast's protocol without the cluster secret "
                    + "handshake: it runs without clusterSecretFile; connection refused");
        }
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("Peer " + peer + " did not start the cluster secret handshake (a Hazelcast client "
                    + "or another program); connection refused");
        }
        byte version = read(in, 1, whenClosed)[0];
        if (version != VERSION) {
            throw new IOException("Peer " + peer + " speaks cluster secret handshake version " + version
                    + ", this member " + VERSION);
        }
        return read(in, NONCE_BYTES, whenClosed);
    }

    private static byte[] read(DataInputStream in, int length, String whenClosed) throws IOException {
        byte[] bytes = new byte[length];
        try {
            in.readFully(bytes);
        } catch (EOFException e) {
            throw new IOException(whenClosed, e);
        } catch (SocketTimeoutException e) {
            throw new IOException(whenClosed + " (no answer within " + TIMEOUT_MILLIS + " ms)", e);
        }
        return bytes;
    }

    private static void send(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Hazelcast hands over a blocking socket; bound every read so a silent peer cannot hold the thread. */
    private static void withTimeout(Socket socket, Exchange exchange) throws IOException {
        int previous = socket.getSoTimeout();
        socket.setSoTimeout(TIMEOUT_MILLIS);
        try {
            exchange.run();
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(previous);
            }
        }
    }

    @FunctionalInterface
    private interface Exchange {
        void run() throws IOException;
    }
}
