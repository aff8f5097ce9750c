package io.github.broadside.bench;

import io.github.broadside.BuildOptions;
import io.github.broadside.SiteBuilder;
import java.nio.file.Path;

/**
 * Builds the project in the working directory (the sample site) into a given folder, with gzip
 * copies of every page, for {@code scripts/lighthouse.sh}: the engine straight from the compiled
 * classes, with no plugin installed. Kept in the test sources so that a change to the engine's API
 * breaks the compile here rather than the script at its next run.
 *
 * <p>Usage: {@code SampleSiteBuild <output-dir>}.
 */
public final class SampleSiteBuild {
    private SampleSiteBuild() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SampleSiteBuild <output-dir>");
        }
        BuildOptions options = BuildOptions.builder(Path.of("."))
            .output(Path.of(args[0]))
            .compress(true)
            .build();
        new SiteBuilder(options).build();
    }
}
