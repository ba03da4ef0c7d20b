package io.alphintra.http.internal;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;

/**
 * The Vert.x options of a server for {@link HttpSettings}. The TLS files are read and checked here, before any server
 * is touched, so that a missing, unreadable or invalid file, or a key that does not belong to the certificate, is
 * reported naming its key and path while the running server keeps serving.
 */
final class ServerOptions {
    /** Request line limit: room for the API's longest query (filters and a paging cursor). */
    static final int MAX_INITIAL_LINE_BYTES = 8192;
    /** Header limit: room for a bearer credential and a browser's usual headers, not for abuse. */
    static final int MAX_HEADER_BYTES = 16384;

    private ServerOptions() {
    }

    /** @throws IllegalArgumentException naming the key and file that cannot be used */
    static HttpServerOptions of(HttpSettings settings, Vertx vertx) {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(settings.host())
                .setPort(settings.port())
                .setMaxInitialLineLength(MAX_INITIAL_LINE_BYTES)
                .setMaxHeaderSize(MAX_HEADER_BYTES)
                .setMaxWebSocketFrameSize(settings.maxWebSocketFrameBytes())
                // The node's WebSocket protocol has small client messages; one frame's worth is plenty.
                .setMaxWebSocketMessageSize(settings.maxWebSocketFrameBytes());
        if (settings.tls()) {
            options.setSsl(true).setKeyCertOptions(keyCert(settings, vertx));
        }
        return options;
    }

    private static PemKeyCertOptions keyCert(HttpSettings settings, Vertx vertx) {
        Buffer certificate = read("tlsCertificate", settings.tlsCertificate());
        Buffer key = read("tlsKey", settings.tlsKey());
        Collection<? extends Certificate> chain;
        try {
            chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(certificate.getBytes()));
        } catch (CertificateException e) {
            throw new IllegalArgumentException(named("tlsCertificate", settings.tlsCertificate())
                    + ": not a PEM certificate: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException(named("tlsCertificate", settings.tlsCertificate())
                    + ": holds no PEM certificate");
        }
        PemKeyCertOptions options = new PemKeyCertOptions().setCertValue(certificate).setKeyValue(key);
        PrivateKey privateKey;
        try {
            privateKey = privateKey(options.getKeyManagerFactory(vertx));
        } catch (Exception e) {
            throw new IllegalArgumentException(named("tlsKey", settings.tlsKey()) + ": not a PEM private key "
                    + "(PKCS#8 'PRIVATE KEY', 'RSA PRIVATE KEY' or 'EC PRIVATE KEY'): " + e.getMessage(), e);
        }
        if (!belong(privateKey, chain.iterator().next().getPublicKey())) {
            throw new IllegalArgumentException(named("tlsKey", settings.tlsKey()) + ": is not the private key of the "
                    + "certificate in " + named("tlsCertificate", settings.tlsCertificate()));
        }
        return options;
    }

    private static Buffer read(String key, Path file) {
        try {
            return Buffer.buffer(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(named(key, file) + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(named(key, file) + ": not readable by the node's user", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(named(key, file) + ": cannot be read: " + e, e);
        }
    }

    private static PrivateKey privateKey(KeyManagerFactory factory) {
        for (KeyManager manager : factory.getKeyManagers()) {
            if (manager instanceof X509KeyManager x509) {
                for (String type : new String[] {"RSA", "EC", "EdDSA", "Ed25519", "DSA"}) {
                    String[] aliases = x509.getServerAliases(type, null);
                    if (aliases != null && aliases.length > 0) {
                        return x509.getPrivateKey(aliases[0]);
                    }
                }
            }
        }
        throw new IllegalArgumentException("no key of a known type (RSA, EC, EdDSA) in it");
    }

    /** Whether {@code privateKey} signs what {@code publicKey} verifies: they are one key pair. */
    private static boolean belong(PrivateKey privateKey, PublicKey publicKey) {
        String algorithm = switch (privateKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            default -> privateKey.getAlgorithm(); // EdDSA, Ed25519: the algorithm names its signature
        };
        byte[] probe = "alphintra tls key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // of different algorithms, e.g. an EC key for an RSA certificate
        }
    }

    private static String named(String key, Path file) {
        return key + " = '" + file + "'";
    }
}
