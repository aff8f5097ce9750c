package io.github.broadside.quality;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that drives the real browser over the served sample site. Its test methods may
 * take {@link com.microsoft.playwright.Browser}, {@link com.microsoft.playwright.BrowserContext},
 * {@link com.microsoft.playwright.Page} and {@link ServedSite} parameters (see {@link BrowserExtension}).
 *
 * <p>Where Chromium is not installed the class shows as skipped, with the install command as the
 * reason; with {@code BROWSER_REQUIRED=true} it runs and fails instead. Each test is interrupted
 * after 90 seconds.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("browser")
@EnabledIf(value = "io.github.broadside.quality.Chromium#enabled",
        disabledReason = "no Chromium at /usr/bin/chromium: install it with"
                + " 'apt-get update && apt-get install -y chromium' (BROWSER_REQUIRED=true makes this a failure)")
@ExtendWith(BrowserExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS) // a browser call that never returns (evaluate has no timeout) fails instead of hanging verify
public @interface BrowserTest {
}
