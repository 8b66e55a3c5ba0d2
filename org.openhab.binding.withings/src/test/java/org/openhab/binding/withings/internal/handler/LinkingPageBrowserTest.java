/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.withings.internal.handler;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openhab.core.thing.ThingStatus;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The account-linking page in a real browser: Debian's Chromium, headless, driven by Selenium through the system's
 * chromedriver, against the real servlets in embedded Jetty and the cloud simulator as Withings. One browser session
 * opens the page, presses "Link", picks a simulated person on the consent page and comes back to see them linked with
 * their token state; then denies once, replays an old {@code state} and unlinks. Each page is photographed at a
 * desktop width and at 390 px (a phone) into {@code target/browser-screenshots/}, and at 390 px nothing may run off
 * the right edge. Skips (with the reason) only where no Chromium and chromedriver are installed; {@code .ci/run}
 * installs both.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class LinkingPageBrowserTest extends AccountTestBase {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "browser-screenshots");
    private static final int PHONE_WIDTH = 390;
    /** Selenium's own logger: quiet about the DevTools versions it ships (the test uses WebDriver only). */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger
            .getLogger("org.openqa.selenium");

    private @Nullable ChromeDriver driver;

    @AfterEach
    void quitBrowser() {
        ChromeDriver d = driver;
        if (d != null) {
            d.quit();
        }
    }

    private ChromeDriver startBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "No Chromium here: install Debian's chromium and chromium-driver packages (.ci/run does) to run the "
                        + "linking page in a real browser");
        SELENIUM_LOG.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-extensions", "--hide-scrollbars", "--window-size=1280,1000",
                "--lang=en-US");
        // the system chromedriver: Selenium Manager never downloads anything
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver d = new ChromeDriver(service, options);
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        driver = d;
        return d;
    }

    @Test
    void linkDenyReplayAndUnlinkInChromium() throws Exception {
        ChromeDriver browser = startBrowser();
        WithingsAccountHandler handler = started(validConfig());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Files.createDirectories(SHOTS);
        String page = httpService.baseUri() + "/withings/connect/home";

        // 1. the empty page: the redirect URI to register, no user, the Link button
        browser.get(page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-users")));
        assertEquals(page, browser.findElement(By.id("redirect-uri")).getDomProperty("value"));
        assertEquals("true", browser.findElement(By.id("redirect-uri")).getDomAttribute("readonly"));
        shoot(browser, "1-empty");

        // 2. Link: to the simulator's consent page, choose Sue Sleeper, allow
        browser.findElement(By.id("link")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=sim_user][value='30000003']")));
        assertTrue(browser.getCurrentUrl().startsWith(sim.baseUri().toString()), browser.getCurrentUrl());
        shoot(browser, "2-consent");
        browser.findElement(By.cssSelector("input[name=sim_user][value='30000003']")).click();
        browser.findElement(By.cssSelector("button[value=allow]")).click();

        // 3. back on the page: the person is listed with token state, scopes and notifications
        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        assertEquals("Withings user 30000003 is linked.", result.getText());
        String linkedCallback = browser.getCurrentUrl();
        assertTrue(linkedCallback.contains("state="), linkedCallback);
        WebElement user = browser.findElement(By.id("user-30000003"));
        assertTrue(user.findElement(By.className("token")).getText().startsWith("valid"), user.getText());
        assertTrue(user.findElement(By.className("scopes")).getText().contains("user.metrics"), user.getText());
        assertFalse(user.findElement(By.className("webhooks")).getText().isBlank());
        assertEquals(1, handler.linking().linkedUsers().size());
        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);
        browser.get(page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-30000003")));
        shoot(browser, "3-linked");

        // 4. a second person denies: a clear message, nothing linked
        browser.findElement(By.id("link")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[value=deny]")));
        browser.findElement(By.cssSelector("input[name=sim_user][value='30000001']")).click();
        browser.findElement(By.cssSelector("button[value=deny]")).click();
        WebElement denied = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(denied.getText().startsWith("Withings did not grant access (access_denied)"), denied.getText());
        assertEquals(1, handler.linking().linkedUsers().size());
        shoot(browser, "4-denied");

        // 5. the answer of step 3 again (an old state): refused, nothing changes
        browser.get(linkedCallback);
        WebElement replayed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(replayed.getText().startsWith("This link request is unknown, was already used or has expired"),
                replayed.getText());
        assertEquals(1, handler.linking().linkedUsers().size());
        shoot(browser, "5-replayed");

        // 6. unlink
        browser.findElement(By.cssSelector("#user-30000003 button.unlink")).click();
        WebElement unlinked = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        assertEquals("Withings user 30000003 was unlinked.", unlinked.getText());
        assertTrue(browser.findElements(By.id("user-30000003")).isEmpty());
        assertTrue(handler.linking().linkedUsers().isEmpty());
        shoot(browser, "6-unlinked");
    }

    /**
     * Photographs the current page at desktop width and at 390 px, after checking at 390 px that the page is no
     * wider than the screen (the redirect URI field included).
     */
    private void shoot(ChromeDriver browser, String name) throws Exception {
        for (int width : List.of(1280, PHONE_WIDTH)) {
            browser.manage().window().setSize(new Dimension(width, width == PHONE_WIDTH ? 1300 : 1000));
            if (width == PHONE_WIDTH && browser.getCurrentUrl().startsWith(httpService.baseUri().toString())) {
                assertFitsTheWidth(browser, name);
            }
            File shot = browser.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SHOTS.resolve(name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    private static void assertFitsTheWidth(WebDriver browser, String name) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long viewport = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
        long content = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertTrue(content <= viewport, name + ": the page is " + content + " px wide on a " + viewport + " px screen");
        WebElement uri = browser.findElement(By.id("redirect-uri"));
        int right = uri.getRect().getX() + uri.getRect().getWidth();
        assertTrue(right <= viewport, name + ": the redirect URI field ends at " + right + " px of " + viewport);
    }
}
