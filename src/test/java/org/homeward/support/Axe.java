package org.homeward.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Accessibility and phone-width checks of the page a {@link Browser} shows: axe-core (from the npm registry through
 * the front end's lock file, a development dependency never shipped in the jar) run with the WCAG 2.2 A and AA rules,
 * and the page's width at a 390 px wide viewport.
 */
public final class Axe {

    private static final Path AXE = Path.of("src", "main", "frontend", "node_modules", "axe-core", "axe.min.js");
    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private Axe() {
    }

    /** The axe violations on the page now, each as "rule: help (n nodes: first selector)"; empty when clean. */
    @SuppressWarnings("unchecked")
    public static List<String> violations(Browser browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        // axe-core (about 550 KB) is parsed once per loaded page, not before each run
        if (Boolean.FALSE.equals(js.executeScript("return typeof axe !== 'undefined'"))) {
            js.executeScript(script());
        }
        // resultTypes: only violations carry their nodes, so axe does not collect every passing element's details
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                   .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes: '
                        + v.nodes[0].target.join(' ') + ')')))
                   .catch(e => done(['axe failed: ' + e]));""", TAGS);
        return (List<String>) result;
    }

    /**
     * Shows the page in a 390 px wide viewport (Chromium's device emulation, as its developer tools' phone view does:
     * the page lays itself out for that width, and screenshots are taken at it) and returns how much wider than the
     * viewport the document is (0 when nothing overflows). A browser is in the phone view from its start
     * ({@link Browser}), so this only reads the widths; a test that went to the desktop width ({@link #desktop}) is
     * brought back to the phone view first.
     */
    @SuppressWarnings("unchecked")
    public static long overflowAtPhoneWidth(Browser browser) {
        ChromeDriver driver = (ChromeDriver) browser.driver();
        Map<String, Object> widths = (Map<String, Object>) driver.executeScript(WIDTHS);
        if (((Number) widths.get("view")).intValue() != PHONE_WIDTH) {
            phoneView(browser);
            // the resize event and the header's own JS (its "More" menu) run in the next frames: measure after two
            widths = (Map<String, Object>) driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    requestAnimationFrame(() => requestAnimationFrame(() => done((() => {""" + WIDTHS + "})())));");
        }
        if (((Number) widths.get("view")).intValue() != PHONE_WIDTH) {
            throw new IllegalStateException("The phone viewport is " + widths.get("view") + " px wide, not 390 px");
        }
        return Math.max(0, ((Number) widths.get("doc")).longValue() - ((Number) widths.get("client")).longValue());
    }

    private static final int PHONE_WIDTH = 390;

    private static final String WIDTHS = "return {view: window.innerWidth, doc: document.documentElement.scrollWidth,"
            + " client: document.documentElement.clientWidth};";

    /** The 390 px phone view, which lasts across the tab's page loads until {@link #endPhoneView}. */
    public static void phoneView(Browser browser) {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE_WIDTH, "height", 844, "deviceScaleFactor", 1, "mobile", false));
    }

    /** The page laid out at the window's own (desktop) width, after the next two frames have run its resize scripts. */
    public static void atDesktopWidth(Browser browser) {
        endPhoneView(browser);
        ((ChromeDriver) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                requestAnimationFrame(() => requestAnimationFrame(() => done(true)));""");
    }

    /** Ends the phone view: back to the window's own width. */
    public static void endPhoneView(Browser browser) {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /**
     * The desktop width (a 1280 px window, no phone view), for a test's assertions on the desktop layout; the check of
     * the next page loaded brings the phone view back.
     */
    public static void desktop(Browser browser) {
        endPhoneView(browser);
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
    }

    private static volatile String source;

    private static String script() {
        try {
            if (source == null) {
                source = Files.readString(AXE);
            }
            return source;
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is installed by Maven's npm ci into " + AXE, e);
        }
    }
}
