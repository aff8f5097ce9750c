package io.github.broadside.quality;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright for Java. Playwright is told never to download a browser of
 * its own: the tests use the system package, which CI installs and a developer can install with
 * {@value #INSTALL}.
 *
 * <p>Browser tests are skipped (and say why) where Chromium is missing, unless the environment
 * variable {@code BROWSER_REQUIRED=true} is set, as in CI: then they run and fail.
 */
public final class Chromium implements AutoCloseable {
    /** Debian's Chromium; {@code -Dbroadside.chromium=PATH} points elsewhere (or nowhere, to see the skip). */
    public static final Path EXECUTABLE = Path.of(System.getProperty("broadside.chromium", "/usr/bin/chromium"));
    public static final String INSTALL = "apt-get update && apt-get install -y chromium";

    /** Flags that work as root on a machine with no network beyond 127.0.0.1 and no GPU. */
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** True when the system Chromium is there. */
    public static boolean installed() {
        return Files.isExecutable(EXECUTABLE);
    }

    /** True when CI demands browser tests: a missing Chromium is then a failure, not a skip. */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("BROWSER_REQUIRED"));
    }

    /** The condition of {@link BrowserTest}: run where Chromium is installed or required. */
    public static boolean enabled() {
        return installed() || required();
    }

    /** Starts Playwright's driver and launches headless Chromium; fails with the install command if it is missing. */
    public static Chromium launch() {
        if (!installed()) {
            throw new AssertionError("BROWSER_REQUIRED=true but there is no Chromium at " + EXECUTABLE
                    + ": install it with '" + INSTALL + "'");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(FLAGS));
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        playwright.close(); // closes the browser too
    }
}
