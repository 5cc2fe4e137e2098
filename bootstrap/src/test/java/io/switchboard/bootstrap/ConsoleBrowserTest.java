package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;

/**
 * The console in a real headless Chromium (Debian's, installed by {@code scripts/install-chromium.sh} before the
 * tests), against the real service: an operator logs in, watches calls arrive without reloading, opens one, sees
 * its timeline, BXML and fallback, follows a conference, and looks at the cluster and the charts. What a webhook
 * sent is shown as text, never run. A screenshot of each page is saved under {@code target/console-screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static final String ADMIN_USER = "operator";
    private static final String ADMIN_PASSWORD = "console-Secret-1";
    /** A tag that would run script if the console wrote it as markup. */
    private static final String HOSTILE_TAG = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final Path DOWNLOADS = Path.of("target", "console-downloads").toAbsolutePath();
    private static final ConsoleFlow flow = new ConsoleFlow();
    private static RunningService service;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    /**
     * Gathers a digit after the greeting; a 9 makes it fail, so the caller gets the fallback, until the CRM is
     * back.
     */
    static final class ConsoleFlow implements CallFlow {
        volatile boolean crmBack;

        @Override
        public Reply onInitiate(CallInitiated event, CallState call) {
            return Response.builder()
                    .add(Gather.builder()
                            .maxDigits(1)
                            .speakSentence("Press 1 for sales, 9 to break things.")
                            .build())
                    .build();
        }

        @Override
        public Reply onGather(GatherCompleted event, CallState call) {
            if (event.digits().equals("9") && !crmBack) {
                throw new IllegalStateException("the CRM is down");
            }
            return Response.builder().speakSentence("Connecting you.").hangup().build();
        }

        /** A 5 also steers the call through call control, which this service has no credentials for. */
        @Override
        public Reply onGather(GatherCompleted event, CallState call, FlowContext context) {
            if (event.digits().equals("5")) {
                context.call(call.callId()).redirectHere();
            }
            return onGather(event, call);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start("""
                switchboard.admin.user = "%s"
                switchboard.admin.password = "%s"
                switchboard.admin.live-keep-alive = 2s
                akka.loglevel = WARNING
                """.formatted(ADMIN_USER, ADMIN_PASSWORD), flow, new ConferenceFlow() {});
        Files.createDirectories(DOWNLOADS);
        try (Stream<Path> old = Files.list(DOWNLOADS)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        "--window-size=1280,900")
                .setExperimentalOption(
                        "prefs",
                        Map.of(
                                "download.default_directory",
                                DOWNLOADS.toString(),
                                "download.prompt_for_download",
                                false));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, WAIT);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
    }

    private static String console(String fragment) {
        return service.uri("/admin/" + fragment).toString();
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void post(String path, String json) throws Exception {
        assertEquals(200, service.post(path, json).statusCode(), path);
    }

    private static void initiate(String callId, String tag) throws Exception {
        post("/voice/initiate", """
                {"eventType": "initiate", "callId": "%s", "from": "+15552223333", "to": "+15553334444",
                 "direction": "inbound", "tag": %s, "eventTime": "2026-11-25T10:00:00Z"}
                """.formatted(callId, JSON.writeValueAsString(tag)));
    }

    private static void gather(String callId, String digits, String tag) throws Exception {
        post("/voice/gather", """
                {"eventType": "gather", "callId": "%s", "from": "+15552223333", "to": "+15553334444",
                 "direction": "inbound", "digits": "%s", "tag": %s, "eventTime": "2026-11-25T10:00:07Z"}
                """.formatted(callId, digits, JSON.writeValueAsString(tag)));
    }

    private static void join(String conferenceId, String callId) throws Exception {
        post("/voice/conferenceMemberJoin", """
                {"eventType": "conferenceMemberJoin", "conferenceId": "%s", "name": "support",
                 "callId": "%s", "from": "+15552223333", "to": "+15553334444"}
                """.formatted(conferenceId, callId));
    }

    private static WebElement row(String tableId, String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(rowLocator(tableId, id)));
    }

    private static By rowLocator(String tableId, String id) {
        return By.cssSelector("#" + tableId + " tr[data-id='" + id + "']");
    }

    /**
     * Follows the row's link. The listeners hear of an event a moment after its reply, so the list may be drawn again
     * by a live update between finding the row and clicking it: find it again then.
     */
    private static void open(String tableId, String id) {
        new WebDriverWait(browser, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    driver.findElement(rowLocator(tableId, id))
                            .findElement(By.linkText(id))
                            .click();
                    return true;
                });
    }

    @Test
    @Order(1)
    void withoutCredentialsTheConsoleIsRefused() throws Exception {
        assertEquals(401, service.get(service.uri("/admin/")).statusCode());
    }

    @Test
    @Order(2)
    void anOperatorLogsInAndSeesACallArriveWithoutReloading() throws Exception {
        // Credentials in the address once: the browser keeps them for the admin realm, as after a login prompt.
        browser.get(console("").replace("http://", "http://" + ADMIN_USER + ":" + ADMIN_PASSWORD + "@"));
        browser.get(console("#/calls"));
        wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
        Object marker = browser.executeScript("window.sameDocument = 'yes'; return window.sameDocument;");
        assertEquals("yes", marker);

        initiate("c-browser-1", HOSTILE_TAG);

        WebElement row = row("calls-list", "c-browser-1");
        assertEquals(HOSTILE_TAG, row.findElement(By.className("tag")).getText(), "the tag as text");
        assertTrue(browser.findElements(By.cssSelector("#calls-list img, #calls-list script"))
                .isEmpty());
        assertNull(browser.executeScript("return window.pwned;"), "the tag's script never ran");
        assertEquals("yes", browser.executeScript("return window.sameDocument;"), "no reload");

        gather("c-browser-1", "9", HOSTILE_TAG);
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#calls-list tr.fallback[data-id='c-browser-1'] .badge.bad")));
        initiate("c-browser-2", "vip");
        row("calls-list", "c-browser-2");
        screenshot("calls");
    }

    @Test
    @Order(3)
    void theCallPageShowsItsTimelineBxmlAndFallback() throws Exception {
        open("calls-list", "c-browser-1");

        WebElement timeline = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
        List<WebElement> events = timeline.findElements(By.cssSelector("tbody tr"));
        assertEquals(2, events.size());
        WebElement greeting = events.get(0);
        assertTrue(greeting.getText().contains("initiate"), greeting.getText());
        String bxml = greeting.findElement(By.cssSelector("pre.bxml")).getText();
        assertTrue(bxml.contains("<Gather ") && bxml.contains("maxDigits=\"1\""), bxml);
        assertTrue(bxml.contains("Press 1 for sales"), bxml);
        assertTrue(bxml.contains("\n"), "pretty-printed: " + bxml);
        assertTrue(greeting.findElements(By.cssSelector("pre.bxml .x-tag")).size() > 2, "highlighted");
        assertTrue(greeting.getText().contains("127.0.0.1"), "the node that answered: " + greeting.getText());
        assertTrue(greeting.getText().matches("(?s).*\\d+ ms.*"), "its latency: " + greeting.getText());
        WebElement failed = events.get(1);
        assertEquals("fallback", failed.getAttribute("class"));
        assertTrue(failed.getText().contains("FALLBACK"), failed.getText());
        assertTrue(failed.getText().contains("FLOW_FAILED"), failed.getText());
        assertTrue(failed.getText().contains("the flow threw"), failed.getText());
        assertTrue(browser.findElement(By.cssSelector("dl.facts")).getText().contains(HOSTILE_TAG));
        assertTrue(browser.findElements(By.cssSelector("main img, main script")).isEmpty());
        assertNull(browser.executeScript("return window.pwned;"));
        screenshot("call");

        browser.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        String background = (String) browser.executeScript("return getComputedStyle(document.body).backgroundColor;");
        assertEquals("rgb(22, 24, 27)", background, "the dark theme");
        screenshot("call-dark");
        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot("call-phone");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    @Order(4)
    void anExportedCallReplaysAndShowsWhereTheRepliesNowDiffer() throws Exception {
        browser.get(console("#/calls/c-browser-1"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
        assertEquals("true", browser.findElement(By.id("export-mask")).getDomProperty("checked"));
        browser.findElement(By.id("export-replay")).click();
        Path exported = DOWNLOADS.resolve("c-browser-1.replay.json");
        new WebDriverWait(browser, WAIT).until(ignored -> Files.exists(exported));
        String file = Files.readString(exported);
        assertTrue(!file.contains("2223333") && file.contains("+15550100001"), "numbers masked: " + file);

        Replayed same = simulateReplay(exported);
        assertEquals(0, same.exitCode(), same.out());
        assertTrue(same.out().contains("PASSED"), same.out());

        flow.crmBack = true;
        Replayed changed = simulateReplay(exported);

        assertEquals(1, changed.exitCode(), changed.out());
        assertTrue(changed.out().matches("(?s).*  2 gather +DIFFERS.*"), changed.out());
        assertTrue(changed.out().contains("recorded (FLOW_FAILED)"), changed.out());
        assertTrue(changed.out().contains("Connecting you."), changed.out());
        assertTrue(changed.out().contains("FAILED: 1 of 2 replies differ"), changed.out());
    }

    private record Replayed(int exitCode, String out) {}

    private static Replayed simulateReplay(Path file) {
        StringWriter out = new StringWriter();
        int exitCode = new CommandLine(new Main())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(out))
                .execute("simulate", "--url", service.uri("/voice").toString(), "--replay", file.toString());
        return new Replayed(exitCode, out.toString());
    }

    @Test
    @Order(5)
    void anOperatorFollowsAConference() throws Exception {
        join("conf-browser-1", "c-browser-1");
        browser.get(console("#/conferences"));
        open("conferences-list", "conf-browser-1");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("members"), "c-browser-1"));

        join("conf-browser-1", "c-browser-2");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("members"), "c-browser-2"));
        List<WebElement> overTime = browser.findElements(By.cssSelector("#members-over-time tbody tr"));
        assertEquals(2, overTime.size());
        assertTrue(
                overTime.get(1).getText().contains("c-browser-2"),
                overTime.get(1).getText());
        assertTrue(overTime.get(1).getText().endsWith("2"), overTime.get(1).getText());
        screenshot("conference");
    }

    @Test
    @Order(6)
    void theClusterAndChartsPagesShowThisNodeAndItsReplies() throws Exception {
        browser.get(console("#/cluster"));
        WebElement nodes = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cluster-nodes")));
        assertTrue(nodes.getText().contains("Up"), nodes.getText());
        assertTrue(nodes.getText().contains("this node"), nodes.getText());
        screenshot("cluster");

        browser.get(console("#/charts"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.chart rect.bar")));
        String summary = browser.findElement(By.tagName("main")).getText();
        assertTrue(summary.matches("(?s).*\\d+ replies, [1-9]\\d* fallbacks.*"), summary);
        assertEquals(3, browser.findElements(By.cssSelector("svg.chart")).size());
        screenshot("charts");
    }

    @Test
    @Order(7)
    void theConsoleIsKeyboardNavigable() {
        browser.get(console("#/calls"));
        // A fresh page: focus starts at the top.
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calls-list")));
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertEquals(
                "Skip to content",
                browser.switchTo().activeElement().getAttribute("textContent"),
                browser.switchTo().activeElement().getAttribute("outerHTML"));
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals("Calls", browser.switchTo().activeElement().getText());
        browser.switchTo().activeElement().sendKeys(Keys.TAB, Keys.TAB, Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cluster-nodes")));
    }

    @Test
    @Order(8)
    void aCallPageShowsTheCallControlRequestsOfItsFlowAndHowTheyEnded() throws Exception {
        initiate("c-browser-control", "control");
        gather("c-browser-control", "5", "control");

        browser.get(console("#/calls/c-browser-control"));
        // Issued after the reply: the page shows its outcome once it has one. The page may draw the timeline again
        // between finding the block and reading it: read it again then.
        String steered = new WebDriverWait(browser, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    driver.navigate().refresh();
                    List<WebElement> blocks = driver.findElements(By.cssSelector("#timeline .requests"));
                    String text = blocks.isEmpty() ? "" : blocks.get(0).getText();
                    return text.contains("FAILED") ? text : null;
                });
        assertTrue(steered.contains("Call control"), steered);
        assertTrue(steered.contains("updateCall"), steered);
        assertTrue(steered.contains("no Bandwidth API credentials"), steered);
        screenshot("call-control");
    }
}
