package io.alphintra.itest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away self-signed certificate for 127.0.0.1 and localhost and its private key, as the PEM files an operator
 * gives the node, made by the JDK's keytool so that no key is kept in the repository; and an HTTPS client that trusts
 * exactly that certificate.
 */
record SelfSignedPem(Path certificate, Path key, Certificate x509) {

    static SelfSignedPem create(Path folder, String name) throws IOException, InterruptedException,
            GeneralSecurityException {
        Files.createDirectories(folder);
        Path store = folder.resolve(name + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "RSA", "-keysize", "2048", "-alias", "node", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        Key key = keyStore.getKey("node", "changeit".toCharArray());
        Certificate certificate = keyStore.getCertificate("node");
        Path certificateFile = Files.writeString(folder.resolve(name + ".crt"),
                pem("CERTIFICATE", certificate.getEncoded()));
        Path keyFile = Files.writeString(folder.resolve(name + ".key"), pem("PRIVATE KEY", key.getEncoded()));
        return new SelfSignedPem(certificateFile, keyFile, certificate);
    }

    /** A client that trusts this certificate only, over HTTP/1.1 as browsers and Prometheus mostly speak it. */
    java.net.http.HttpClient client() throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("node", x509);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return java.net.http.HttpClient.newBuilder().sslContext(context)
                .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
