package io.github.broadside.maven;

import io.github.broadside.BuildOptions;
import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters of the goals that render the site with a theme: {@code build}, {@code check} and {@code serve}. */
abstract class AbstractRenderingMojo extends AbstractContentMojo {

    /** The theme folder: templates/ (Pebble), assets/ (CSS, script) and an optional theme.yml. */
    @Parameter(property = "broadside.theme", defaultValue = "themes/default")
    private File theme;

    /** Worker threads for parsing, rendering and checking pages; 0 means one per processor. */
    @Parameter(property = "broadside.threads", defaultValue = "0")
    private int threads;

    @Override
    BuildOptions.Builder options(BuildOptions.Builder builder) {
        if (threads < 0) {
            throw new IllegalArgumentException("-Dbroadside.threads=" + threads
                    + " is not a number of threads; give 1 or more, or 0 for one per processor");
        }
        return super.options(builder).theme(theme.toPath())
                .threads(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    }
}
