package io.github.broadside.quality;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives browser tests what they need, sharing the costly parts: one Chromium, one static server of
 * the built sample site ({@link ServedSite}) and one dev server with the form sink ({@link LiveSite})
 * for the whole test run (kept in the root store, closed when the run ends), a fresh
 * {@link BrowserContext} (own cookies, storage, routes) and {@link Page} for each test, closed after it.
 *
 * <p>When a test fails, a screenshot of its page is saved under {@code target/browser-failures/}.
 */
public final class BrowserExtension implements ParameterResolver, AfterTestExecutionCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Browser.class || type == BrowserContext.class || type == Page.class
                || type == ServedSite.class || type == LiveSite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == Browser.class) {
            return chromium(context).browser();
        }
        if (type == ServedSite.class) {
            return site(context);
        }
        if (type == LiveSite.class) {
            return devSite(context);
        }
        if (type == BrowserContext.class) {
            return browserContext(context);
        }
        return page(context);
    }

    /** The run-wide browser. */
    static Chromium chromium(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("chromium", k -> Chromium.launch(), Chromium.class);
    }

    /** The run-wide server of the built sample site. */
    static ServedSite site(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("server", k -> {
            try {
                return StaticSiteServer.start(SampleSite.get().root());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, StaticSiteServer.class);
    }

    /** The run-wide dev server with the local form sink. */
    static LiveSite devSite(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("serve", k -> DevSite.start(), DevSite.class);
    }

    private static BrowserContext browserContext(ExtensionContext context) {
        return context.getStore(NS).getOrComputeIfAbsent("context",
                k -> new OpenContext(chromium(context).browser().newContext(new Browser.NewContextOptions()
                        .setViewportSize(1280, 900).setLocale("en-US"))),
                OpenContext.class).context();
    }

    private static Page page(ExtensionContext context) {
        BrowserContext browserContext = browserContext(context);
        return context.getStore(NS).getOrComputeIfAbsent("page", k -> browserContext.newPage(), Page.class);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Page page = context.getStore(NS).get("page", Page.class);
        if (context.getExecutionException().isEmpty() || page == null || page.isClosed()) {
            return;
        }
        String name = (context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName())
                .replaceAll("[^A-Za-z0-9._-]+", "_");
        Path shot = SampleSite.projectDir().resolve("target/browser-failures/" + name + ".png");
        try {
            page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
            context.publishReportEntry("screenshot", shot.toString());
        } catch (RuntimeException e) {
            context.publishReportEntry("screenshot", "could not be taken: " + e.getMessage());
        }
    }

    /** A test's browser context, closed (with its pages) when the test's store is closed. */
    private record OpenContext(BrowserContext context) implements AutoCloseable {
        @Override
        public void close() {
            context.close();
        }
    }
}
