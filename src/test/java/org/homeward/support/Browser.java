package org.homeward.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with the machine's chromedriver (Selenium Manager never runs, so
 * nothing is downloaded) and a fresh profile. Screenshots go to {@code target/screenshots/<test>/}.
 *
 * <p>Every page the browser loads is checked as it arrives (after the open, click, link, selection or sign-in that
 * loaded it, or at the latest before the next such step and on close). The browser works in a 390 px wide phone
 * viewport from its start, as the pages are used: every page's width is read there, and each new kind of page is
 * checked by axe-core's WCAG 2.2 A and AA rules and screenshotted there. Once per page template the page is also laid
 * out at the desktop width, checked by axe and for width and screenshotted, and then put back in the phone view (see
 * {@link #CHECKED_KINDS}). Any violation or overflow fails the test, naming the page and what failed.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;
    private final Path screenshots;
    private final Chromium chromium;
    private static final org.openqa.selenium.Dimension DESKTOP = new org.openqa.selenium.Dimension(1280, 1000);
    private int shot;
    private final List<String> cspViolations = new ArrayList<>();
    private boolean checkingPage;

    /** Swagger UI is a third party's page, not checked as Homeward's own. Patterns match the path (without the query). */
    private static final List<java.util.regex.Pattern> THIRD_PARTY_PAGES = Stream.of("/swagger-ui.*", "/v3/api-docs.*")
            .map(java.util.regex.Pattern::compile).toList();

    public Browser(String baseUrl, String testName) {
        try {
            this.screenshots = Files.createDirectories(Path.of("target", "screenshots", testName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.chromium = Chromium.take();
        this.driver = chromium.driver();
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        this.baseUrl = baseUrl;
        // pages are used on phones: every test sees them at 390 px, the desktop width once per template (checkPage)
        Axe.phoneView(this);
    }

    /**
     * One headless Chromium with its own fresh profile. Starting one costs one to two seconds, so a browser a test has
     * closed is kept and handed to the next test (every browser test runs in one JVM), with nothing of the last test
     * left in it: no cookies (so no session: the next test signs in as its own user), no stored data for any origin,
     * one window at the desktop size, an empty console, showing a blank page. Those kept are quit when the JVM ends.
     */
    private record Chromium(ChromeDriver driver, Path profile) {

        private static final java.util.Deque<Chromium> IDLE = new java.util.concurrent.ConcurrentLinkedDeque<>();
        private static final List<Chromium> STARTED = java.util.Collections.synchronizedList(new ArrayList<>());

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                synchronized (STARTED) {
                    STARTED.forEach(Chromium::quit);
                }
            }));
        }

        static Chromium take() {
            Chromium kept = IDLE.pollFirst();
            return kept != null ? kept : start();
        }

        private static Chromium start() {
            Path profile;
            try {
                profile = Files.createTempDirectory("homeward-chromium-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--disable-quic", "--window-size=1280,1000", "--user-data-dir=" + profile);
            // the console, to see what the Content-Security-Policy refused ("Refused to execute inline script ...")
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, Level.ALL.getName()));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            Chromium chromium = new Chromium(new ChromeDriver(service, options), profile);
            STARTED.add(chromium);
            return chromium;
        }

        /** Cleared for the next test and kept; quit instead if clearing it fails. */
        void giveBack(String origin) {
            try {
                List<String> windows = new ArrayList<>(driver.getWindowHandles());
                for (String extra : windows.subList(1, windows.size())) {
                    driver.switchTo().window(extra).close();
                }
                driver.switchTo().window(windows.get(0));
                driver.get("about:blank");
                driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
                driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
                driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
                driver.manage().window().setSize(DESKTOP);
                driver.manage().logs().get(LogType.BROWSER);
                IDLE.addFirst(this);
            } catch (RuntimeException e) {
                STARTED.remove(this);
                quit();
            }
        }

        void quit() {
            try {
                driver.quit();
            } catch (RuntimeException e) {
                // already gone
            }
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary folder
            }
        }
    }

    public Browser open(String path) {
        checkPageIfNew();
        driver.get(baseUrl + path);
        checkPageIfNew();
        return this;
    }

    public Browser signIn(String username, String password) {
        open("/login");
        type("username", username);
        type("password", password);
        click("sign-in");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
        return this;
    }

    public Browser signOut() {
        click("sign-out");
        wait.until(ExpectedConditions.urlContains("/login"));
        return this;
    }

    public Browser type(String id, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Types a date into an NHS.UK three-box date input (fragments :: dateInput) as a person would: day, month, year. */
    public Browser typeDate(String field, java.time.LocalDate date) {
        return type(field, String.valueOf(date.getDayOfMonth())).type(field + "-month", String.valueOf(date.getMonthValue()))
                .type(field + "-year", String.valueOf(date.getYear()));
    }

    /** Sets a date, time or datetime-local input the way a date picker would, without locale-dependent typing. */
    public Browser setValue(String id, String value) {
        WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        driver.executeScript("arguments[0].value = arguments[1];", field, value);
        return this;
    }

    public Browser select(String id, String visibleText) {
        checkPageIfNew();
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id(id)))).selectByVisibleText(visibleText);
        checkPageIfNew();
        return this;
    }

    public Browser selectContaining(String id, String partialText) {
        Select select = new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id(id))));
        String text = select.getOptions().stream().map(WebElement::getText).filter(t -> t.contains(partialText))
                .findFirst().orElseThrow(() -> new AssertionError("No option containing '" + partialText + "' in " + id));
        select.selectByVisibleText(text);
        return this;
    }

    public Browser check(String labelText) {
        WebElement label = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//label[normalize-space()=" + xpathLiteral(labelText) + "]")));
        WebElement input = driver.findElement(By.id(label.getAttribute("for")));
        if (!input.isSelected()) {
            label.click();
        }
        checkPageIfNew();
        return this;
    }

    public Browser click(String id) {
        checkPageIfNew();
        openHeaderMenuIfItHolds(By.id(id));
        clickAndFollow(By.id(id));
        checkPageIfNew();
        return this;
    }

    /**
     * Whether clicking the element loads a new page: a link to another address (not a fragment, a new window or a
     * download), or a form's submit button. The pages' own scripts never submit a form in the background.
     */
    private static final String NAVIGATES = """
            const e = arguments[0];
            const a = e.closest('a[href]');
            if (a) {
              const href = a.getAttribute('href');
              const to = new URL(a.href);
              const samePage = to.origin + to.pathname + to.search === location.origin + location.pathname
                  + location.search && to.hash !== '';
              return !samePage && !href.startsWith('javascript:') && a.target !== '_blank'
                  && !a.hasAttribute('download');
            }
            const b = e.closest('button, input[type=submit], input[type=image]');
            if (!b || !b.form || (b.tagName === 'BUTTON' && b.type !== 'submit')) return false;
            return (b.getAttribute('formtarget') || b.form.target || '_self') === '_self';""";

    /**
     * Clicks, and when the click loads a new page waits until the old one is gone. Chromium can return from a click
     * on a submit button before the form's navigation has begun; a test reading the address then would read the old
     * page's.
     */
    private void clickAndFollow(By locator) {
        WebElement target = wait.until(ExpectedConditions.elementToBeClickable(locator));
        boolean navigates = Boolean.TRUE.equals(driver.executeScript(NAVIGATES, target));
        if (navigates) {
            // a mark in this page's window, which the next page's window does not have
            driver.executeScript("window.hwLeaving = true;");
        }
        target.click();
        if (navigates) {
            // while the page changes, a script can fail (the document unloads under it): asked again until it answers
            new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(d -> Boolean.TRUE.equals(driver.executeScript(
                            "return window.hwLeaving !== true && document.readyState === 'complete';")));
        }
    }

    /**
     * At the 390 px phone width the NHS.UK header keeps the navigation links that do not fit in its "More" menu: a
     * person taps "More" first, and so does the test when the link it is to click is in that closed menu.
     */
    private void openHeaderMenuIfItHolds(By locator) {
        List<WebElement> found = driver.findElements(locator);
        if (!found.isEmpty() && Boolean.TRUE.equals(driver.executeScript(
                "return arguments[0].closest('.nhsuk-header__menu-list[hidden]') !== null", found.get(0)))) {
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".nhsuk-header__menu-toggle"))).click();
        }
    }

    /**
     * Does something to the element found by {@code locator}, finding it again if the page replaced it meanwhile
     * (live pages re-render parts of themselves, e.g. the alert board on every alert change).
     */
    public Browser act(By locator, java.util.function.Consumer<WebElement> action) {
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            action.accept(d.findElement(locator));
            return true;
        });
        checkPageIfNew();
        return this;
    }

    public Browser clickLink(String text) {
        checkPageIfNew();
        openHeaderMenuIfItHolds(By.linkText(text));
        clickAndFollow(By.linkText(text));
        checkPageIfNew();
        return this;
    }

    /**
     * The text of the visible element, looked up again if the page is replaced between finding it and reading it
     * (a form submitted by the last click may still be navigating).
     */
    public String text(By locator) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                    .until(page -> {
                        WebElement element = page.findElement(locator);
                        return element.isDisplayed() ? element.getText() : null;
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            String instead;
            try {
                instead = whereInstead(locator);
            } catch (RuntimeException unreadable) {
                // the browser itself has failed: the wait's own error says more
                throw e;
            }
            throw new AssertionError(instead, e);
        }
    }

    /** What a failed wait found instead: the page, its heading and any error summary or flash, with a screenshot. */
    private String whereInstead(By locator) {
        Path shot = screenshot("missing");
        String heading = driver.findElements(By.tagName("h1")).stream().map(WebElement::getText).findFirst()
                .orElse("(none)");
        String said = driver.findElements(By.cssSelector(".nhsuk-error-summary, [data-testid='flash']")).stream()
                .map(WebElement::getText).reduce((a, b) -> a + " | " + b).orElse("(none)");
        return "No visible " + locator + " within 15 s on " + currentPath() + "; heading: " + heading
                + "; error summary or message: " + said + "; screenshot " + shot;
    }

    /** An attribute of an element, once the element is visible. */
    public String attribute(By locator, String name) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator)).getAttribute(name);
    }

    public String testId(String id) {
        return text(By.cssSelector("[data-testid='" + id + "']"));
    }

    public Browser waitForText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return this;
    }

    /**
     * Waits as long as {@code patience} for the text: for a page whose server work has its own time limit (the solver
     * planning a day), longer than the usual wait.
     */
    public Browser waitForText(By locator, String text, Duration patience) {
        new WebDriverWait(driver, patience).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return this;
    }

    /** Waits until a script in the page returns true, e.g. that a library has loaded. */
    public Browser waitForScript(String booleanExpression) {
        wait.until(d -> Boolean.TRUE.equals(driver.executeScript("return " + booleanExpression + ";")));
        return this;
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String currentPath() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * The HTTP status the page's own session gets for a request sent by fetch from the page (its cookies, no
     * redirect followed): how a test asks what a signed-in person would be answered without leaving the page.
     */
    public int statusOf(String method, String path) {
        return statusOf(method, path, null);
    }

    /** {@link #statusOf(String, String)} with a url-encoded form body. */
    public int statusOf(String method, String path, String form) {
        Object status = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const init = {method: arguments[0], redirect: 'manual'};"
                        + "if (arguments[2]) { init.body = new URLSearchParams(arguments[2]); }"
                        + "fetch(arguments[1], init).then(r => done(r.status));",
                method, path, form);
        return ((Number) status).intValue();
    }

    /** Saves a numbered screenshot, kept as test output; the last page is always kept on close, to show failures. */
    public Path screenshot(String name) {
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++shot, name));
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Everything the browser's Content-Security-Policy has refused on the pages visited so far (read from the
     * console, which is then emptied): an inline script, style or event handler the page needed and did not run.
     */
    public List<String> cspViolations() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            // The NHS.UK stylesheet asks for the Frutiger font from assets.nhs.uk, which the policy (default-src
            // 'self', as before) refuses; the pages fall back to Arial and work, so that refusal is not counted.
            if (entry.getMessage().contains("Content Security Policy")
                    && !entry.getMessage().contains("Loading the font 'https://assets.nhs.uk/")) {
                cspViolations.add(entry.getMessage());
            }
        }
        return List.copyOf(cspViolations);
    }

    /** Forgets the refusals seen so far: for a test that provoked them on purpose. */
    public void forgetCspViolations() {
        cspViolations();
        cspViolations.clear();
    }

    /**
     * Closes the browser; fails the test if the Content-Security-Policy refused anything on any page it visited, as a
     * page that does not work for its users.
     */
    @Override
    public void close() {
        screenshot("last-page");
        List<String> refused;
        try {
            checkPageIfNew();
            refused = cspViolations();
        } finally {
            chromium.giveBack(java.net.URI.create(baseUrl).resolve("/").toString().replaceFirst("/$", ""));
        }
        if (!refused.isEmpty()) {
            throw new AssertionError("The Content-Security-Policy refused: " + refused);
        }
    }

    /**
     * Checks the page shown now unless it was checked already (a mark kept in the page's window, which a new page
     * does not have) or it is one of {@link #THIRD_PARTY_PAGES}.
     */
    /**
     * Null until the page has loaded; then whether it needs no check (checked already, marked now; or not an HTML page)
     * and its address.
     */
    private static final String PAGE_STATE = """
            if (document.readyState !== 'complete') return null;
            const seen = window.hwPageChecked === true;
            window.hwPageChecked = true;
            return [seen || document.contentType !== 'text/html' || !document.body, location.href];""";

    public void checkPageIfNew() {
        if (checkingPage) {
            return;
        }
        // one round trip to the browser when the page was checked already, as it is before and after most steps
        List<?> state = wait.until(d -> (List<?>) driver.executeScript(PAGE_STATE));
        String url = (String) state.get(1);
        String path = (url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url).replaceFirst("[?#].*", "");
        if (Boolean.TRUE.equals(state.get(0)) || !path.startsWith("/")
                || THIRD_PARTY_PAGES.stream().anyMatch(p -> p.matcher(path).matches())) {
            return;
        }
        checkingPage = true;
        try {
            checkPage(path);
        } finally {
            checkingPage = false;
        }
    }

    /**
     * The kinds of page already checked by axe in this test run (every browser test runs in one JVM): the path with
     * its ids taken out, and every distinct element kind on the page (tag, classes, type, role, ARIA attributes and
     * inline style, which carries colours). A page with the same kinds of element as one already checked is made from
     * the same template in the same state, so axe and the screenshots are not run on it again; a new state (an error
     * summary, another tag colour, a dialog) brings new kinds and is checked. The width checks are run on every page,
     * since a long name can make any page too wide.
     *
     * <p>axe runs on every new kind at the 390 px phone width, the width the pages are used at, and at the desktop
     * width once per page template ({@link #CHECKED_TEMPLATES}): what axe finds in a state (contrast, names, ARIA) does
     * not change with the width; what changes with the width is the layout (the header's menu, target sizes), which is
     * the template's.
     */
    private static final Set<String> CHECKED_KINDS = ConcurrentHashMap.newKeySet();
    private static final Set<String> CHECKED_TEMPLATES = ConcurrentHashMap.newKeySet();
    private static final java.util.concurrent.atomic.AtomicInteger PAGES_CHECKED = new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger PAGES_OF_A_CHECKED_KIND = new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicLong AXE_NANOS = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong WIDTH_NANOS = new java.util.concurrent.atomic.AtomicLong();

    static {
        // how many pages axe checked and how many were of a kind already checked, for bench/README's test-time figures
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.createDirectories(Path.of("target", "screenshots"));
                Files.writeString(Path.of("target", "screenshots", "page-checks.txt"), "axe-checked pages: "
                        + PAGES_CHECKED + "\npages of a kind already checked (widths only): " + PAGES_OF_A_CHECKED_KIND
                        + "\npage templates axe-checked at desktop width: " + CHECKED_TEMPLATES.size()
                        + "\nseconds in axe: " + AXE_NANOS.get() / 1_000_000_000.0
                        + "\nseconds in width checks: " + WIDTH_NANOS.get() / 1_000_000_000.0 + "\n");
            } catch (IOException e) {
                // test output only
            }
        }));
    }

    private static final String PAGE_KINDS = """
            const kinds = new Set();
            for (const e of document.body.querySelectorAll('*')) {
              let kind = e.tagName + '.' + [...e.classList].sort().join('.');
              for (const a of e.attributes) {
                if (a.name === 'type' || a.name === 'role' || a.name === 'style' || a.name === 'disabled'
                    || (a.name.startsWith('aria-') && a.name !== 'aria-label' && a.name !== 'aria-describedby'
                        && a.name !== 'aria-labelledby' && a.name !== 'aria-controls')) {
                  kind += '[' + a.name + '=' + a.value + ']';
                } else if (a.name === 'aria-label' || a.name === 'alt' || a.name === 'title') {
                  kind += '[' + a.name + (a.value.trim() === '' ? '=]' : ']');
                }
              }
              kinds.add(kind);
            }
            return [...kinds].sort().join(' ');""";

    private void checkPage(String path) {
        String name = path.replaceFirst("^/home/[^/]+", "/home-link").replaceAll("([0-9a-f]{8})-[0-9a-f-]{27}", "$1").replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        String template = path.replaceFirst("^/home/[^/]+", "/home-link").replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}")
                .replaceAll("/[0-9][0-9-]*(?=/|$)", "/{n}");
        boolean newKind = CHECKED_KINDS.add(template + " " + driver.executeScript(PAGE_KINDS));
        boolean newTemplate = CHECKED_TEMPLATES.add(template);
        (newKind ? PAGES_CHECKED : PAGES_OF_A_CHECKED_KIND).incrementAndGet();
        List<String> problems = new ArrayList<>();
        long widthStarted = System.nanoTime();
        long phoneOverflow = Axe.overflowAtPhoneWidth(this);
        WIDTH_NANOS.addAndGet(System.nanoTime() - widthStarted);
        if (phoneOverflow > 0) {
            problems.add(phoneOverflow + " px wider than a 390 px phone viewport");
        }
        if (newKind) {
            long started = System.nanoTime();
            List<String> atPhone = Axe.violations(this);
            AXE_NANOS.addAndGet(System.nanoTime() - started);
            if (!atPhone.isEmpty()) {
                problems.add("axe at 390 px: " + atPhone);
            }
            screenshot((name.isEmpty() ? "home" : name) + "-phone");
        }
        if (newTemplate) {
            try {
                long started = System.nanoTime();
                Axe.atDesktopWidth(this);
                long desktopOverflow = overflow();
                WIDTH_NANOS.addAndGet(System.nanoTime() - started);
                if (desktopOverflow > 0) {
                    problems.add(desktopOverflow + " px wider than the viewport at desktop width");
                }
                started = System.nanoTime();
                List<String> atDesktop = Axe.violations(this);
                AXE_NANOS.addAndGet(System.nanoTime() - started);
                if (!atDesktop.isEmpty()) {
                    problems.add("axe at desktop width: " + atDesktop);
                }
                screenshot((name.isEmpty() ? "home" : name) + "-desktop");
            } finally {
                Axe.phoneView(this);
            }
        }
        if (!problems.isEmpty()) {
            // checked again when next seen, so a second test opening the same page fails too
            CHECKED_KINDS.clear();
            CHECKED_TEMPLATES.clear();
            throw new AssertionError("Page " + path + " fails the accessibility check: " + problems);
        }
    }

    private long overflow() {
        Map<?, ?> widths = (Map<?, ?>) driver.executeScript(
                "return {doc: document.documentElement.scrollWidth, view: document.documentElement.clientWidth};");
        return Math.max(0, ((Number) widths.get("doc")).longValue() - ((Number) widths.get("view")).longValue());
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }
}
