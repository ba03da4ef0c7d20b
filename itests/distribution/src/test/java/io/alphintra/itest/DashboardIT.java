package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real (headless) Chromium against a real node: one node unpacked from the built distribution and
 * started with {@code bin/karaf} (as {@link AccessIT} does; the browser must reach the node's HTTP port, and Selenium
 * runs in this JVM, not inside the container), with a desk user holding the trader and risk roles and a viewer.
 * Every step is what a person does on the page: sign in, watch prices move, send and cancel an order, trade, pull the
 * kill switch.
 */
public class DashboardIT {
    private static final Duration START = Duration.ofSeconds(180);
    private static final Duration SEE = Duration.ofSeconds(20);
    private static final String BTC = "BTC-USD@SIMX_CRYPTO";
    private static final String ACCOUNT = "ACC-DASH";
    private static final String DESK = "desk";
    private static final String DESK_PASSWORD = "desk-pw-1";

    private static NodeProcess node;
    private static ChromeDriver browser;
    private static String page;

    @BeforeClass
    public static void startNodeAndBrowser() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "dashboard").toAbsolutePath());
        node = NodeProcess.unpack(root.resolve("node"), "dash-1", "AMER", KarafNode.freePort(), "");
        node.configure(TestAccounts.file(ACCOUNT), TestAccounts.configuration(ACCOUNT));
        node.start();
        Poll.until("the node is healthy", START, node::health, node::healthy);
        // As an operator adds people (decision 13); Karaf reads the file at every login.
        Files.writeString(node.home().resolve("etc/users.properties"),
                "\n" + DESK + " = " + DESK_PASSWORD + ",_g_:tradergroup,_g_:riskgroup\n"
                        + "watcher = watcher-pw-1,_g_:viewergroup\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        int port = NodeShell.port(node, "io.alphintra.http.cfg", "port");
        page = "http://127.0.0.1:" + port + "/dashboard/";
        Poll.until("the dashboard is served", START, () -> Http.get(page).toString(),
                () -> Http.get(page).status() == 200);
        browser = Chromium.start();
    }

    @AfterClass
    public static void stopBrowserAndNode() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (node != null) {
                node.stop();
            }
        }
    }

    @Before
    public void freshPage() {
        browser.get(page);
        browser.executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        waitFor("the sign-in form", ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
    }

    @Test
    public void aWrongPasswordIsRefusedOnTheForm() {
        signIn(DESK, "not-the-password");
        WebElement error = waitFor("the sign-in error", ExpectedConditions.visibilityOfElementLocated(
                By.id("login-error")));
        waitFor("the error says the sign-in was refused", driver -> error.getText().startsWith("Sign-in refused"));
        assertFalse("no panel is shown", browser.findElement(By.id("app")).isDisplayed());
        assertEquals("no token is kept", null, browser.executeScript("return sessionStorage.getItem('alphintra.token')"));
    }

    @Test
    public void aViewerSeesThePanelsButNoTradingOrRiskControls() {
        signIn("watcher", "watcher-pw-1");
        waitFor("the viewer is signed in", ExpectedConditions.textToBePresentInElementLocated(By.id("current-user"),
                "watcher"));
        waitFor("the market panel fills", ExpectedConditions.presenceOfElementLocated(marketRow(BTC)));
        assertFalse("no order ticket", browser.findElement(By.id("order-form")).isDisplayed());
        assertFalse("no kill switch button", browser.findElement(By.id("kill-engage-all")).isDisplayed());
        assertTrue("no cancel or start/stop buttons", browser.findElements(
                By.cssSelector("[data-testid^='cancel-'], [data-testid^='strategy-st']")).isEmpty());
        signOut();
    }

    @Test
    public void aDeskSeesPricesMoveTradesCancelsAndPullsTheKillSwitch() {
        signIn(DESK, DESK_PASSWORD);
        waitFor("the desk is signed in", ExpectedConditions.textToBePresentInElementLocated(By.id("current-user"),
                DESK));
        waitFor("the stream is live", ExpectedConditions.attributeToBe(By.id("stream-state"), "data-state", "live"));

        // Prices: the market panel is filled over REST once and from then on only by the stream.
        WebElement market = waitFor(BTC + " in the market panel",
                ExpectedConditions.presenceOfElementLocated(marketRow(BTC)));
        waitFor(BTC + " has a bid and an ask", driver -> price(market, "bid") != null && price(market, "ask") != null);
        Map<String, String> first = Map.of("bid", price(market, "bid"), "ask", price(market, "ask"),
                "last", String.valueOf(price(market, "last")));
        waitFor(BTC + "'s market changes on the page (was " + first + ")", driver ->
                first.entrySet().stream().anyMatch(entry -> !entry.getValue().equals(String.valueOf(
                        price(market, entry.getKey())))));

        // A bid far below the market rests; it is listed as working, and its cancel button takes it away.
        String resting = sendOrder("BUY", "LIMIT", "0.001", "1000.00", "DAY");
        By row = By.cssSelector("[data-testid='order-" + resting + "']");
        // The table is redrawn as reports arrive: look the row up afresh each time.
        By status = By.cssSelector("[data-testid='order-" + resting + "'] [data-field='status']");
        waitFor("order " + resting + " is listed as working and rests at the venue", driver ->
                driver.findElements(status).stream().anyMatch(cell -> "NEW".equals(cell.getText())));
        waitFor("the cancel button of " + resting + " is clicked", driver -> {
            driver.findElement(By.cssSelector("[data-testid='cancel-" + resting + "']")).click();
            return true;
        });
        waitFor("order " + resting + " leaves the working orders once cancelled",
                ExpectedConditions.numberOfElementsToBe(row, 0));

        // A marketable IOC bid (2 % over the ask) fills: the account's position appears.
        By position = By.cssSelector("[data-testid='position-" + ACCOUNT + "-" + BTC + "']");
        assertTrue("no position before the trade", browser.findElements(position).isEmpty());
        BigDecimal through = new BigDecimal(price(market, "ask")).multiply(new BigDecimal("1.02"))
                .setScale(2, RoundingMode.UP);
        sendOrder("BUY", "LIMIT", "0.001", through.toPlainString(), "IOC");
        waitFor(ACCOUNT + " holds 0.001 " + BTC, driver -> driver.findElements(position).stream().anyMatch(found ->
                new BigDecimal(found.findElement(By.cssSelector("[data-field='quantity']")).getText())
                        .compareTo(new BigDecimal("0.001")) == 0));

        // The kill switch: engaged (after a confirmation), shown, refusing orders with the gate's text, then reset.
        browser.findElement(By.id("kill-reason")).sendKeys("dashboard test");
        browser.findElement(By.id("kill-engage-all")).click();
        waitFor("the confirmation", ExpectedConditions.elementToBeClickable(By.id("kill-confirm"))).click();
        waitFor("the kill switch is shown engaged", ExpectedConditions.attributeToBe(By.id("kill-state"),
                "data-engaged", "true"));
        assertTrue(browser.findElement(By.id("kill-state")).getText().contains("ENGAGED: all"));
        WebElement refused = submitTicket("BUY", "LIMIT", "0.001", "1000.00", "DAY");
        waitFor("the gate's refusal is shown", driver -> "rejected".equals(refused.getAttribute("data-outcome")));
        assertTrue("the refusal says why: " + refused.getText(), refused.getText().startsWith("Rejected")
                && refused.getText().length() > "Rejected: ".length());
        waitFor("the reset button of the switch on all is clicked", driver -> {
            driver.findElement(By.cssSelector("[data-testid='kill-reset-all']")).click();
            return true;
        });
        waitFor("the kill switch is shown reset", ExpectedConditions.attributeToBe(By.id("kill-state"),
                "data-engaged", "false"));
        sendOrder("BUY", "LIMIT", "0.001", "1000.00", "IOC");

        assertPageRanWithoutErrors();
        signOut();
    }

    /** Fills in and sends the order ticket; returns the client order id of the accepted order. */
    private static String sendOrder(String side, String type, String quantity, String price, String tif) {
        WebElement result = submitTicket(side, type, quantity, price, tif);
        waitFor("the ticket's answer", driver -> result.getAttribute("data-outcome") != null);
        assertEquals("the order is accepted: " + result.getText(), "accepted", result.getAttribute("data-outcome"));
        String id = result.getAttribute("data-client-order-id");
        assertNotNull(id);
        return id;
    }

    private static WebElement submitTicket(String side, String type, String quantity, String price, String tif) {
        replace(By.id("ticket-account"), ACCOUNT);
        replace(By.id("ticket-instrument"), BTC);
        new Select(browser.findElement(By.id("ticket-side"))).selectByValue(side);
        new Select(browser.findElement(By.id("ticket-type"))).selectByValue(type);
        replace(By.id("ticket-quantity"), quantity);
        replace(By.id("ticket-price"), price);
        new Select(browser.findElement(By.id("ticket-tif"))).selectByValue(tif);
        WebElement result = browser.findElement(By.id("ticket-result"));
        browser.findElement(By.id("ticket-submit")).click();
        waitFor("the ticket was sent", driver -> !"Sending…".equals(result.getText())
                && result.getAttribute("data-outcome") != null);
        return result;
    }

    private static void signIn(String user, String password) {
        replace(By.id("login-user"), user);
        replace(By.id("login-password"), password);
        browser.findElement(By.id("login-submit")).click();
    }

    private static void signOut() {
        browser.findElement(By.id("logout")).click();
        waitFor("the sign-in form again", ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        assertEquals("the token is gone", null, browser.executeScript(
                "return sessionStorage.getItem('alphintra.token')"));
    }

    /** The page's own scripts and the policy it runs under: no script error, nothing the policy blocked. */
    private static void assertPageRanWithoutErrors() {
        List<LogEntry> entries = browser.manage().logs().get(LogType.BROWSER).getAll();
        String problems = entries.stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Uncaught")
                        || message.contains("SyntaxError") || message.contains("TypeError"))
                .collect(Collectors.joining("\n"));
        assertEquals("browser console problems", "", problems);
    }

    private static By marketRow(String instrument) {
        return By.cssSelector("[data-testid='market-" + instrument + "']");
    }

    /** A price cell's exact value (the decimal string the node sent), or null while it has none. */
    private static String price(WebElement row, String field) {
        return row.findElement(By.cssSelector("[data-field='" + field + "']")).getAttribute("data-value");
    }

    private static void replace(By field, String text) {
        WebElement element = browser.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    private static <T> T waitFor(String what, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(browser, SEE);
        wait.ignoring(StaleElementReferenceException.class); // a panel redrawn between finding and reading
        wait.withMessage(() -> what + "; the page said: " + ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('messages').textContent + ' | ' + "
                        + "document.getElementById('ticket-result').textContent"));
        return wait.until(condition::apply);
    }
}
