package io.alphintra.itest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A headless Chromium driven through chromedriver, both taken from the machine: the system properties
 * {@code alphintra.chromium} and {@code alphintra.chromedriver} (set from the pom, empty by default) or else PATH.
 * Selenium's own download manager is never asked: the build runs offline, and a missing browser must fail the test,
 * not be fetched or skipped.
 */
final class Chromium {
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");

    private Chromium() {
    }

    static ChromeDriver start() {
        Path browser = find("alphintra.chromium", BROWSERS);
        Path driver = find("alphintra.chromedriver", List.of("chromedriver"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--no-first-run", "--disable-extensions",
                "--user-data-dir=" + profile());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .withLogFile(new File("target/chromedriver.log"))
                .build();
        return new ChromeDriver(service, options);
    }

    private static String profile() {
        try {
            return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-profile").toString();
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a Chromium profile folder under target/", e);
        }
    }

    private static Path find(String property, List<String> names) {
        String named = System.getProperty(property, "").trim();
        if (!named.isEmpty()) {
            Path path = Path.of(named);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException(property + " = " + named + " is not an executable file");
            }
            return path;
        }
        String searchPath = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String name : names) {
            for (String folder : searchPath.split(File.pathSeparator)) {
                Path candidate = Path.of(folder.isEmpty() ? "." : folder, name);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("DashboardIT needs " + String.join(" or ", names) + ": none is on PATH ("
                + searchPath + ") and " + property + " is not set. On Debian: apt-get install chromium "
                + "chromium-driver (.ci/run does this), or run with -D" + property + "=/path/to/it.");
    }
}
