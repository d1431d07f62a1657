package org.qualcheck.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page as a person uses it, in Debian's headless Chromium driven through its chromedriver; no
 * browser or driver is ever downloaded. Skipped where Chromium is not installed, unless
 * QUALCHECK_REQUIRE_BROWSER=1 (as in CI), when its absence fails the test.
 */
class PageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static QualcheckServer server;
  private static WebDriver browser;
  private static Path profile;

  @BeforeAll
  static void start() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "1".equals(System.getenv("QUALCHECK_REQUIRE_BROWSER"))) {
      fail("QUALCHECK_REQUIRE_BROWSER=1 but " + CHROMIUM + " or " + CHROMEDRIVER
          + " is missing; install Debian's chromium and chromium-driver");
    }
    assumeTrue(present, "Chromium is not installed; the page's browser test is skipped");
    server = QualcheckServer.start(Library.load(Http.SPECS, 2), new QualcheckServer.Config(
        "127.0.0.1", 0, Optional.empty(), Limits.defaults(), l -> { }));
    profile = Files.createTempDirectory("qualcheck-chromium-");
    // The driver and browser are named outright, so Selenium Manager has nothing to look for.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--user-data-dir=" + profile, "--window-size=1400,1100");
    browser = new ChromeDriver(service, options);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.stop();
    }
    if (profile != null) {
      try (var walk = Files.walk(profile)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static WebDriverWait await() {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  private static WebElement unit(String number) {
    return browser.findElement(By.cssSelector("#groups input[data-unit='" + number + "']"));
  }

  private static void verdictIs(String text) {
    await().until(ExpectedConditions.textToBe(By.id("verdict"), text));
  }

  private static void screenshot(String name) throws IOException {
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void plannerAndDesignerAsAPersonUsesThem() throws IOException {
    browser.get(server.uri().toString());
    await().until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#qualification option[value='03455']")));
    new Select(browser.findElement(By.id("qualification"))).selectByValue("03455");
    await().until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("#groups input[data-unit='F1']")));

    for (String u : List.of("F1", "F2", "A3", "B2", "C3", "D2")) {
      unit(u).click();
    }
    verdictIs("MET");
    await().until(ExpectedConditions.textToBe(
        By.cssSelector("#rules tr[data-rule='one-from-E'] td[data-status]"), "met"));

    unit("D2").click();
    verdictIs("NOT MET");
    await().until(ExpectedConditions.textToBe(
        By.cssSelector("#rules tr[data-rule='one-from-E'] td[data-status]"), "short by 1 unit"));
    WebElement complete = await().until(ExpectedConditions.elementToBeClickable(By.id("add-completion")));
    assertThat(browser.findElement(By.id("completion")).getText()).contains("Add D2");
    // What-if marks on units not ticked: D2 would help, another unit of group B would not.
    await().until(ExpectedConditions.textToBe(By.cssSelector("[data-mark='D2']"), "useful"));
    assertThat(browser.findElement(By.cssSelector("[data-mark='A4']")).getText()).isEqualTo("neutral");
    await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagram svg")));
    screenshot("planner-short.png");

    complete.click();
    verdictIs("MET");
    assertThat(unit("D2").isSelected()).isTrue();
    screenshot("planner.png");

    // Designer: a spec with an unknown key gets a finding on that key's line.
    browser.findElement(By.id("tab-designer")).click();
    WebElement spec = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("spec")));
    String yaml = String.join("\n",
        "qualification:",
        "  code: DRAFT-1",
        "  title: A draft award",
        "  source: a draft for the designer test",
        "units:",
        "  - {number: A1, title: Mandatory unit, credits: 4, level: 2}",
        "  - {number: B1, title: Option one, credits: 5, level: 2}",
        "colour: blue",
        "groups:",
        "  - {id: A, title: Mandatory, units: [A1]}",
        "  - {id: B, title: Optional, units: [B1]}",
        "rules:",
        "  - {id: mandatory, all-of: {groups: [A]}}",
        "  - {id: one-from-B, total: {measure: units, groups: [B], min: 1}}",
        "");
    spec.clear();
    spec.sendKeys(yaml);
    WebElement finding = await().until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("#findings button[data-line='8']")));
    assertThat(finding.getText()).startsWith("Line 8").contains("colour");
    finding.click();
    Long start = (Long) ((JavascriptExecutor) browser).executeScript(
        "return document.getElementById('spec').selectionStart;");
    assertThat(yaml.substring(start.intValue())).startsWith("colour: blue");
    screenshot("designer-finding.png");

    // Fixed, the spec lints clean and is shown in English and as a diagram.
    spec.clear();
    spec.sendKeys(yaml.replace("colour: blue\n", ""));
    await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("english"),
        "To achieve this qualification"));
    await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#designer-diagram svg")));
    screenshot("designer.png");
  }
}
