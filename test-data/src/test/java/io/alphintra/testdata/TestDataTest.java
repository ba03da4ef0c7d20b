package io.alphintra.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDataTest {

    @TempDir
    Path temp;

    @Test
    void theAppleBarsAreTheYear2013() throws IOException {
        Path file = TestData.appleDailyBars2013();
        assertThat(file.getFileName()).hasToString(TestData.APPLE_DAILY_BARS_2013);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(253);
        assertThat(lines.get(0)).isEqualTo("date,open,high,low,close,volume");
        assertThat(lines.get(1)).isEqualTo("2013-01-02,553.82,555.00,541.63,549.03,20018500");
        assertThat(lines.get(252)).isEqualTo("2013-12-31,554.17,561.28,554.00,561.02,7967300");
        assertThat(Files.size(file)).as("CRLF line ends, as published").isEqualTo(12_321);
    }

    @Test
    void theBitstampTapeIsTheWholeWeekDecompressed() throws IOException {
        Path file = TestData.bitstampTrades();
        assertThat(file.getFileName()).hasToString(TestData.BITSTAMP_TRADES);
        assertThat(Files.size(file)).isEqualTo(4_446_667);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(100_001);
        assertThat(lines.get(0)).isEqualTo("timestamp,price,amount");
        assertThat(lines.get(1)).isEqualTo("1385337600,800.010000000000,0.100000000000");
        assertThat(lines.get(100_000)).isEqualTo("1385913725,999.000000000000,1.292633100000");
        assertThat(TestData.bitstampTrades()).as("extracted once").isSameAs(file);
    }

    @Test
    void theEthBarsAreTheJsonFile() throws IOException {
        Path file = TestData.ethFiveMinuteBars();
        assertThat(file.getFileName()).hasToString(TestData.ETH_FIVE_MINUTE_BARS);
        String json = Files.readString(file);
        assertThat(json).as("CRLF line ends, as published").startsWith("{\r\n  \"name\": \"ETH/USD_PT5M@BinanceUS\",");
        assertThat(Files.size(file)).isEqualTo(122_579);
        assertThat(json.split("\"endTime\"", -1)).hasSize(581);
    }

    @Test
    void aMissingFileFailsNamingIt() {
        assertThatThrownBy(() -> TestData.file("no_such_file.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("missing test data 'no_such_file.csv': neither "
                        + "io/alphintra/testdata/no_such_file.csv nor io/alphintra/testdata/no_such_file.csv.gz");
        assertThatThrownBy(() -> TestData.file("../pom.xml")).isInstanceOf(IllegalArgumentException.class);
    }

    /** What the consumers get: the resources inside a jar, one of them gzip'd, copied out under their plain names. */
    @Test
    void filesInsideAJarAreCopiedOutAndGzipDecompressed() throws IOException {
        Path jar = temp.resolve("data.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(TestData.RESOURCE_FOLDER + "plain.csv"));
            out.write("a,b\r\n1,2\r\n".getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
            out.putNextEntry(new JarEntry(TestData.RESOURCE_FOLDER + "packed.csv.gz"));
            OutputStream gzip = new GZIPOutputStream(out);
            gzip.write("x\n3\n".getBytes(StandardCharsets.US_ASCII));
            ((GZIPOutputStream) gzip).finish();
            out.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            TestData.Resolver resolver = new TestData.Resolver(loader);

            Path plain = resolver.file("plain.csv");
            assertThat(plain.getFileName()).hasToString("plain.csv");
            assertThat(plain).as("copied out of the jar").isRegularFile().isNotEqualTo(jar);
            assertThat(Files.readString(plain)).isEqualTo("a,b\r\n1,2\r\n");

            Path packed = resolver.file("packed.csv");
            assertThat(packed.getFileName()).hasToString("packed.csv");
            assertThat(packed.getParent()).isEqualTo(plain.getParent());
            assertThat(Files.readString(packed)).isEqualTo("x\n3\n");
            assertThat(resolver.file("packed.csv")).isSameAs(packed);

            assertThatThrownBy(() -> resolver.file("packed.csv.gz.csv"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("'packed.csv.gz.csv'");
        }
    }
}
