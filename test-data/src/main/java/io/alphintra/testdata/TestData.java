package io.alphintra.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The real market data files of this module (see its README.md: origin, licence, layout), as files a test can hand
 * to code that reads files, such as the market data importer.
 *
 * <p>The files are class path resources under {@code io/alphintra/testdata/}. A file that lies in a directory on
 * the class path (this module's own build) is returned where it is. A file inside a jar, and every file stored
 * gzip'd ({@code NAME.gz}), is copied once per JVM, decompressed, into a temporary directory under
 * {@code java.io.tmpdir} (deleted when the JVM exits) under its plain name, so error messages that name the file
 * name it as published. A name that is not there fails with an {@link IllegalStateException} naming it: there is
 * no null and no skipping.
 *
 * <p>Thread-safe. For tests only (test scope): nothing ships this class.
 */
public final class TestData {

    /** Apple Inc. daily bars of 2013: 252 rows {@code date,open,high,low,close,volume}, CRLF line ends. */
    public static final String APPLE_DAILY_BARS_2013 = "appleinc_bars_from_20130101_usd.csv";
    /** ETH/USD five-minute bars from Binance US, 2023-03-13 18:00 to 2023-03-15 18:20 UTC: 580 bars in JSON. */
    public static final String ETH_FIVE_MINUTE_BARS = "ETH-USD-PT5M-2023-3-13_2023-3-15.json";
    /** Bitstamp BTC/USD trades, 2013-11-25 to 2013-12-01: 100,000 rows {@code timestamp,price,amount}. */
    public static final String BITSTAMP_TRADES = "bitstamp_trades_from_20131125_usd.csv";

    /** Where the resources are on the class path. */
    static final String RESOURCE_FOLDER = "io/alphintra/testdata/";

    private static final Resolver SHARED = new Resolver(TestData.class.getClassLoader());

    private TestData() {
    }

    /** {@value #APPLE_DAILY_BARS_2013}. */
    public static Path appleDailyBars2013() {
        return file(APPLE_DAILY_BARS_2013);
    }

    /** {@value #ETH_FIVE_MINUTE_BARS}. */
    public static Path ethFiveMinuteBars() {
        return file(ETH_FIVE_MINUTE_BARS);
    }

    /** {@value #BITSTAMP_TRADES}, the whole tape as plain CSV (stored gzip'd, decompressed on first use). */
    public static Path bitstampTrades() {
        return file(BITSTAMP_TRADES);
    }

    /**
     * The data file {@code name} (one of the constants of this class) as a readable regular file.
     *
     * @throws IllegalStateException if there is no such file, naming it and where it was looked for
     * @throws UncheckedIOException if it cannot be copied out of its jar
     */
    public static Path file(String name) {
        return SHARED.file(name);
    }

    /** Finds and, where needed, extracts the files of one class loader; {@link TestData} uses its own. */
    static final class Resolver {
        private final ClassLoader loader;
        private final Map<String, Path> files = new HashMap<>();
        private Path directory;

        Resolver(ClassLoader loader) {
            this.loader = loader;
        }

        synchronized Path file(String name) {
            if (name == null || name.isEmpty() || name.contains("/") || name.contains("\\")) {
                throw new IllegalArgumentException("test data name '" + name + "': a plain file name, such as "
                        + BITSTAMP_TRADES);
            }
            Path known = files.get(name);
            if (known != null) {
                return known;
            }
            Path file = locate(name);
            files.put(name, file);
            return file;
        }

        private Path locate(String name) {
            URL plain = loader.getResource(RESOURCE_FOLDER + name);
            if (plain != null) {
                Path onDisk = asRegularFile(plain);
                return onDisk != null ? onDisk : extract(plain, name, false);
            }
            URL compressed = loader.getResource(RESOURCE_FOLDER + name + ".gz");
            if (compressed != null) {
                return extract(compressed, name, true);
            }
            throw new IllegalStateException("missing test data '" + name + "': neither " + RESOURCE_FOLDER + name
                    + " nor " + RESOURCE_FOLDER + name + ".gz is on the class path (module test-data, artifact "
                    + "io.alphintra:alphintra-test-data, test scope; see test-data/README.md)");
        }

        /** The resource itself when it is a file in a directory on the class path, else null. */
        private static Path asRegularFile(URL url) {
            if (!"file".equals(url.getProtocol())) {
                return null;
            }
            try {
                Path path = Path.of(url.toURI());
                return Files.isRegularFile(path) ? path : null;
            } catch (URISyntaxException | IllegalArgumentException e) {
                return null;
            }
        }

        private Path extract(URL url, String name, boolean gzipped) {
            try {
                if (directory == null) {
                    directory = Files.createTempDirectory("alphintra-test-data-");
                    directory.toFile().deleteOnExit();
                }
                Path target = directory.resolve(name);
                // Registered after the directory, so deleted before it at exit.
                target.toFile().deleteOnExit();
                try (InputStream raw = url.openStream();
                        InputStream in = gzipped ? new GZIPInputStream(raw, 1 << 16) : raw) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy test data '" + name + "' from " + url + " into "
                        + (directory != null ? directory : "a temporary directory"), e);
            }
        }
    }
}
