package com.omniops.system.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which .ci/run
 * installs; README "The two commands"): signed in as the viewer through the browser's Basic sign-in, its tiles show
 * what the KPI API says for the same filters, a filter changes them, an alert appears live when an order goes late
 * and is acknowledged from the page, and the browser logs no error. Screenshots are saved as
 * {@code target/dashboard.png} and {@code target/dashboard-alerts.png}.
 */
class DashboardBrowserTest {

    private static final String CHROMIUM = System.getenv().getOrDefault("OMNIOPS_CHROMIUM", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getenv().getOrDefault("OMNIOPS_CHROMEDRIVER",
            "/usr/bin/chromedriver");
    private static final List<String> TILES = List.of("perfectOrderRate", "cycleTimeMeanHours", "unitFillRate",
            "inventoryAccuracy", "returnRate", "inStockRate", "supplierOnTimeInFull", "sellThrough",
            "grossMarginPercent", "daysToClose");

    private static ChromeDriver browser;

    private final TestMerchant merchant = new TestMerchant();

    @BeforeAll
    static void startChromium() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            fail("The dashboard's browser test needs Chromium and its driver: apt-get install chromium "
                    + "chromium-driver (or set OMNIOPS_CHROMIUM and OMNIOPS_CHROMEDRIVER); looked for " + CHROMIUM
                    + " and " + CHROMEDRIVER);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM); // with the binary and the driver given, Selenium never tries to download one
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1400,2000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void tilesShowTheKpiApiFiguresAndFollowTheFilters() throws IOException {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 10, "4.00");
        Http.Response placed = merchant.placeOrder(channel, TestMerchant.line(sku, 2));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        String orderId = placed.body().path("orderId").asText();
        assertThat(Http.post(TestApps.commandUrl() + "/api/orders/" + orderId + "/shipments",
                Map.of("warehouseId", warehouse, "carrier", "DHL", "trackingNumber", "KPI-1")).status())
                .isEqualTo(201);
        assertThat(Http.post(TestApps.commandUrl() + "/api/orders/" + orderId + "/delivery", Map.of()).status())
                .isEqualTo(200);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String daily = "granularity=DAY&from=" + today + "&to=" + today;
        await().atMost(Duration.ofSeconds(30)).until(() -> kpis("channel=" + channel + "&" + daily)
                .path("perfectOrder").path("ordersDelivered").asInt() == 1);

        URI query = URI.create(TestApps.queryUrl());
        browser.get(query.getScheme() + "://viewer:viewer-demo@" + query.getAuthority() + "/dashboard");
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(
                By.cssSelector("#channel option[value='" + channel + "']")).isEmpty());
        assertThat(browser.findElement(By.id("me")).getText()).startsWith("viewer");

        // the test channel, by day: one perfect order delivered today
        new Select(browser.findElement(By.id("granularity"))).selectByValue("DAY");
        setDate("from", today);
        setDate("to", today);
        new Select(browser.findElement(By.id("channel"))).selectByValue(channel);
        awaitTilesShow("channel=" + channel + "&" + daily, "Latest period: " + today);
        assertThat(tileValue("perfectOrderRate")).isEqualByComparingTo("100.00");
        assertThat(tile("perfectOrderRate").findElement(By.className("detail")).getText())
                .startsWith("1 of 1 delivered");

        // all channels, by month: other figures, again the API's
        new Select(browser.findElement(By.id("channel"))).selectByValue("");
        new Select(browser.findElement(By.id("granularity"))).selectByValue("MONTH");
        awaitTilesShow("granularity=MONTH&from=" + today + "&to=" + today,
                "Latest period: " + today.toString().substring(0, 7));
        assertThat(browser.findElements(By.cssSelector("#kpi-table tbody tr"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#availability-table tbody tr"))).isNotEmpty();
        // the suppliers table: the rows /api/kpis/suppliers gives for the month, in its order
        LocalDate month = today.withDayOfMonth(1);
        List<String> supplierRows = new java.util.ArrayList<>();
        Http.get(TestApps.queryUrl() + "/api/kpis/suppliers?from=" + month + "&to="
                + month.plusMonths(1).minusDays(1)).body().forEach(r -> supplierRows.add(r.path("supplierId").asText()));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .untilAsserted(() -> assertThat(browser.findElements(By.cssSelector("#supplier-table tbody tr"))
                        .stream().map(tr -> tr.getDomAttribute("data-supplier")).toList()).isEqualTo(supplierRows));
        // stock aging: the four bands, each the API's units
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                // a row read while the page draws the table again is stale: read again
                .ignoreExceptionsInstanceOf(StaleElementReferenceException.class).untilAsserted(() -> {
            JsonNode aging = Http.get(TestApps.queryUrl() + "/api/kpis/stock-aging").body();
            try {
                List<WebElement> bands = browser.findElements(By.cssSelector("#aging-table tbody tr"));
                assertThat(bands).hasSize(4);
                for (int i = 0; i < 4; i++) {
                    assertThat(bands.get(i).getDomAttribute("data-band"))
                            .isEqualTo(aging.path("bands").get(i).path("band").asText());
                    assertThat(bands.get(i).findElements(By.tagName("td")).get(1).getText())
                            .isEqualTo(aging.path("bands").get(i).path("units").asText());
                }
            } catch (AssertionError notYet) { // stock moved between the two reads: the page loads again
                browser.executeScript("document.getElementById('filters').dispatchEvent(new Event('change'));");
                throw notYet;
            }
        });

        assertThat(consoleErrors()).as("errors in the browser console").isEmpty();
        Path screenshot = Path.of("target", "dashboard.png");
        Files.createDirectories(screenshot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(screenshot)).isPositive();
    }

    /**
     * An order goes late while two people watch the page: the alert appears on both without a reload (the live
     * stream), with the acknowledge button only for the warehouse user (the viewer may not acknowledge); the
     * warehouse user acknowledges it from the page and both pages show who did. The viewer's page is on
     * {@code localhost} and the warehouse user's on {@code 127.0.0.1}: two origins, so each keeps its own sign-in.
     */
    @Test
    void aLateOrdersAlertAppearsLiveAndIsAcknowledgedFromThePage() throws IOException {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 10, "4.00");
        URI query = URI.create(TestApps.queryUrl());
        String viewerTab = browser.getWindowHandle();
        browser.get("http://viewer:viewer-demo@localhost:" + query.getPort() + "/dashboard");
        awaitLive();
        browser.executeScript("window.notReloaded = true;");
        String warehouseTab = browser.switchTo().newWindow(WindowType.TAB).getWindowHandle();
        browser.get("http://warehouse:warehouse-demo@127.0.0.1:" + query.getPort() + "/dashboard");
        awaitLive();
        browser.executeScript("window.notReloaded = true;");

        Http.Response placed = merchant.placeOrder(channel, TestMerchant.line(sku, 2));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        String alertId = "DELAYED_FULFILMENT~" + placed.body().path("orderId").asText();
        String row = "#alert-table tr[data-alert='" + alertId + "']";
        try {
            TestApps.COMMAND_CLOCK.shift(Duration.ofDays(3)); // past the promise: the ship-by deadline fires
            await().atMost(Duration.ofSeconds(30)).until(() -> rowStatus(row) != null);
        } finally {
            TestApps.COMMAND_CLOCK.reset();
        }
        assertThat(rowStatus(row)).isEqualTo("OPEN");
        assertThat(rowText(row)).contains(channel).contains("have not shipped");
        assertThat(ackButtons(row)).isEqualTo(1);
        Path screenshot = Path.of("target", "dashboard-alerts.png");
        Files.createDirectories(screenshot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                StandardCopyOption.REPLACE_EXISTING);

        browser.switchTo().window(viewerTab);
        await().atMost(Duration.ofSeconds(10)).until(() -> rowStatus(row) != null);
        assertThat(ackButtons(row)).as("the viewer may not acknowledge").isZero();

        browser.switchTo().window(warehouseTab);
        // the table is drawn anew on every change: a row found a moment ago may have been replaced
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .until(() -> {
                    browser.findElement(By.cssSelector(row + " button.ack")).click();
                    return true;
                });
        await().atMost(Duration.ofSeconds(10)).until(() -> "ACKNOWLEDGED".equals(rowStatus(row)));
        assertThat(rowText(row)).contains("acknowledged by warehouse");
        assertThat(ackButtons(row)).isZero();
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(consoleErrors()).as("errors in the warehouse user's browser console").isEmpty();

        browser.switchTo().window(viewerTab);
        await().atMost(Duration.ofSeconds(10)).until(() -> rowText(row).contains("acknowledged by warehouse"));
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(consoleErrors()).as("errors in the viewer's browser console").isEmpty();
        browser.switchTo().window(warehouseTab).close();
        browser.switchTo().window(viewerTab);
    }

    /** The row's status, read in one step in the page (null while there is no such row). */
    private String rowStatus(String row) {
        return (String) browser.executeScript("const r = document.querySelector(arguments[0]);"
                + "return r ? r.getAttribute('data-status') : null;", row);
    }

    private String rowText(String row) {
        return (String) browser.executeScript("const r = document.querySelector(arguments[0]);"
                + "return r ? r.textContent : '';", row);
    }

    private long ackButtons(String row) {
        return (Long) browser.executeScript("return document.querySelectorAll(arguments[0] + ' button.ack').length;",
                row);
    }

    private void awaitLive() {
        await().atMost(Duration.ofSeconds(20)).until(() -> "on".equals(
                browser.findElement(By.id("live")).getDomAttribute("data-live")));
    }

    private List<LogEntry> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    /**
     * Waits until the page shows the period and every tile holds the API's figure for the same filters. The shared
     * apps keep working while the test runs (policies, other suites' events), so a figure may move between the API
     * call and the page's: then the page is asked to load again, as its filters would.
     */
    private void awaitTilesShow(String apiQuery, String title) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(StaleElementReferenceException.class).untilAsserted(() -> {
            JsonNode period = kpis(apiQuery);
            try {
                assertThat(browser.findElement(By.id("tiles-title")).getText()).isEqualTo(title);
                for (String name : TILES) {
                    JsonNode expected = expected(period, name);
                    String shown = tile(name).findElement(By.className("value")).getDomAttribute("data-value");
                    if (expected.isNull() || expected.isMissingNode()) {
                        assertThat(shown).as(name).isEmpty();
                    } else {
                        assertThat(new BigDecimal(shown)).as(name).isEqualByComparingTo(expected.decimalValue());
                    }
                }
            } catch (AssertionError notYet) {
                browser.executeScript("document.getElementById('filters').dispatchEvent(new Event('change'));");
                throw notYet;
            }
        });
    }

    private static JsonNode expected(JsonNode period, String tile) {
        return switch (tile) {
            case "perfectOrderRate" -> period.path("perfectOrder").path("rate");
            case "cycleTimeMeanHours" -> period.path("cycleTime").path("meanHours");
            case "unitFillRate" -> period.path("fillRate").path("unitRate");
            case "inventoryAccuracy" -> period.path("inventoryAccuracy").path("rate");
            case "returnRate" -> period.path("returnRate").path("rate");
            case "supplierOnTimeInFull" -> period.path("suppliers").path("onTimeInFullRate");
            case "sellThrough" -> period.path("sellThrough").path("rate");
            case "inStockRate" -> period.path("inStock").path("rate");
            case "grossMarginPercent" -> period.path("grossMargin").path("percent");
            case "daysToClose" -> period.path("daysToClose");
            default -> throw new IllegalArgumentException(tile);
        };
    }

    private WebElement tile(String name) {
        return browser.findElement(By.cssSelector("[data-kpi='" + name + "']"));
    }

    private BigDecimal tileValue(String name) {
        return new BigDecimal(tile(name).findElement(By.className("value")).getDomAttribute("data-value"));
    }

    /** Sets a date input as a user would pick one, firing the change the page listens to. */
    private void setDate(String id, LocalDate date) {
        browser.executeScript("const input = document.getElementById(arguments[0]); input.value = arguments[1];"
                + "input.dispatchEvent(new Event('change', { bubbles: true }));", id, date.toString());
    }

    /** The last period the KPI API gives for the query. */
    private static JsonNode kpis(String query) {
        Http.Response response = Http.as("viewer").getAs(TestApps.queryUrl() + "/api/kpis?" + query);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        JsonNode periods = response.body().path("periods");
        return periods.get(periods.size() - 1);
    }
}
