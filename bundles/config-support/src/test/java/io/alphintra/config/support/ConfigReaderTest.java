package io.alphintra.config.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {

    @interface Sample {
        int port() default 8080;

        String host() default "127.0.0.1";

        String mode() default "fast";
    }

    @Test
    void defaultsAnswerEveryAttributeWithItsDeclaredDefault() {
        Sample sample = ConfigReader.defaults(Sample.class);
        assertThat(sample.port()).isEqualTo(8080);
        assertThat(sample.host()).isEqualTo("127.0.0.1");
        assertThat(sample.annotationType()).isEqualTo(Sample.class);
    }

    @Test
    void unconvertibleValueIsReportedWithKeyAndRawValue() {
        Sample broken = new Sample() {
            @Override
            public int port() {
                throw new IllegalArgumentException("Could not coerce");
            }

            @Override
            public String host() {
                return " ";
            }

            @Override
            public String mode() {
                return "slow";
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return Sample.class;
            }
        };
        ConfigReader<Sample> reader = new ConfigReader<>("io.alphintra.sample", broken,
                Map.of("port", "abc", "host", " ", "mode", "slow"));

        assertThat(reader.port("port", Sample::port)).isNull();
        assertThat(reader.text("host", Sample::host)).isNull();
        String mode = reader.parsed("mode", Sample::mode, value -> {
            if (!value.equals("fast")) {
                throw new IllegalArgumentException("unknown mode '" + value + "'");
            }
            return value;
        });
        assertThat(mode).isNull();

        assertThat(reader.valid()).isFalse();
        assertThatThrownBy(reader::requireValid)
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("io.alphintra.sample")
                .hasMessageContaining("port = 'abc'")
                .hasMessageContaining("host = ' ': must not be empty")
                .hasMessageContaining("mode = 'slow': unknown mode 'slow'");
    }

    @Test
    void portOutsideRangeIsRejected() {
        ConfigReader<Sample> reader = new ConfigReader<>("pid", ConfigReader.defaults(Sample.class),
                Map.of("port", "70000"));
        Sample tooHigh = new Sample() {
            @Override
            public int port() {
                return 70000;
            }

            @Override
            public String host() {
                return "h";
            }

            @Override
            public String mode() {
                return "fast";
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return Sample.class;
            }
        };
        ConfigReader<Sample> outOfRange = new ConfigReader<>("pid", tooHigh, Map.of("port", "70000"));
        assertThat(reader.port("port", Sample::port)).isEqualTo(8080);
        assertThat(outOfRange.port("port", Sample::port)).isNull();
        assertThatThrownBy(outOfRange::requireValid).hasMessageContaining("port = '70000': must be between 1 and 65535");
    }

    @Test
    void typedAnswersFromThePropertiesAndDefaultsTheRest() {
        Sample sample = ConfigReader.typed(Sample.class, Map.of("port", " 9090 ", "mode", "slow"));
        assertThat(sample.port()).isEqualTo(9090);
        assertThat(sample.mode()).isEqualTo("slow");
        assertThat(sample.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void typedReportsAnUnconvertibleValueThroughTheReader() {
        Map<String, String> raw = Map.of("port", "eighty");
        ConfigReader<Sample> reader = new ConfigReader<>("io.alphintra.sample", ConfigReader.typed(Sample.class, raw),
                raw);
        assertThat(reader.port("port", Sample::port)).isNull();
        assertThatThrownBy(reader::requireValid).hasMessageContaining("port = 'eighty': not a valid value");
    }

    @Test
    void typedReadsAPackagePrivateAnnotationOfAnotherPackageDefaultsIncluded() {
        assertThat(io.alphintra.config.support.other.PackagePrivateReader.describe(Map.of("port", "9")))
                .isEqualTo("fast:9");
    }
}
