package org.homeward.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

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
     * Sets the window to a 390 px wide viewport and returns how much wider than the viewport the document is (0 when
     * nothing overflows).
     */
    public static long overflowAtPhoneWidth(Browser browser) {
        WebDriver driver = browser.driver();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().window().setSize(new Dimension(390, 844));
        long inner = ((Number) js.executeScript("return window.innerWidth")).longValue();
        driver.manage().window().setSize(new Dimension(390 + (390 - (int) inner), 844));
        // the resize event and the header's own JS (its "More" menu) run in the next frames: measure after two
        js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
        Map<String, Object> widths = (Map<String, Object>) js.executeScript(
                "return {doc: document.documentElement.scrollWidth, view: document.documentElement.clientWidth};");
        return Math.max(0, ((Number) widths.get("doc")).longValue() - ((Number) widths.get("view")).longValue());
    }

    /** Back to the desktop size the browser starts with. */
    public static void desktop(Browser browser) {
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
