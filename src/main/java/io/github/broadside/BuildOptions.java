package io.github.broadside;

import io.github.broadside.files.ProjectFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to build: where the content, theme and output are, and the per-run overrides of site
 * settings. Paths are resolved against {@code projectDir}, which is also what problems and
 * messages show paths relative to. Made with {@link #builder(Path)}, or changed with
 * {@link #toBuilder()}; the builder checks each value as it is given.
 *
 * @param baseUrl  replaces {@code baseUrl} from site.yml (preview deploys), when present
 * @param drafts   replaces {@code drafts} from site.yml, when present
 * @param threads  worker threads for parsing and rendering; at least 1
 * @param compress also write a gzip copy ({@code page.html.gz}) beside each text file, for hosts
 *                 that serve precompressed files
 * @param failOnStale whether a stale translation (translated from an older version of its source)
 *                    is an error rather than a warning
 * @param cacheDir where share cards and picture copies are kept between builds, when present
 * @param force    replace the output folder even when it holds files Broadside did not write
 *                 ({@code -Dbroadside.force=true}); without it such a folder is refused
 */
public record BuildOptions(
        Path projectDir,
        Path contentDir,
        Path themeDir,
        Path outputDir,
        Optional<String> baseUrl,
        Optional<Boolean> drafts,
        int threads,
        boolean compress,
        boolean failOnStale,
        Optional<Path> cacheDir,
        boolean force) {

    public BuildOptions {
        projectDir = Objects.requireNonNull(projectDir, "projectDir").toAbsolutePath().normalize();
        contentDir = projectDir.resolve(Objects.requireNonNull(contentDir, "contentDir")).normalize();
        themeDir = projectDir.resolve(Objects.requireNonNull(themeDir, "themeDir")).normalize();
        outputDir = projectDir.resolve(Objects.requireNonNull(outputDir, "outputDir")).normalize();
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(drafts, "drafts");
        Path root = projectDir;
        cacheDir = Objects.requireNonNull(cacheDir, "cacheDir").map(d -> root.resolve(d).normalize());
        Builder.atLeastOne(threads);
    }

    /**
     * Options for the project in {@code projectDir} with the conventional layout (content/,
     * themes/default/, site/), one worker per processor, nothing kept between builds, settings as
     * site.yml has them; change what differs before {@link Builder#build()}.
     */
    public static Builder builder(Path projectDir) {
        return new Builder(projectDir);
    }

    /** The conventional layout under {@code projectDir}: {@code builder(projectDir).build()}. */
    public static BuildOptions defaults(Path projectDir) {
        return builder(projectDir).build();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        Builder builder = new Builder(projectDir).content(contentDir).theme(themeDir).output(outputDir)
                .threads(threads).compress(compress).failOnStale(failOnStale).force(force);
        baseUrl.ifPresent(builder::baseUrl);
        drafts.ifPresent(builder::drafts);
        cacheDir.ifPresent(builder::cache);
        return builder;
    }

    /**
     * The guard every read of the project's files goes through: the project folder is trusted,
     * and so are the content folder and the themes' folder when they lie outside it.
     */
    public ProjectFiles files() {
        Path themes = themeDir.getParent() == null ? themeDir : themeDir.getParent();
        return new ProjectFiles(List.of(projectDir, contentDir, themes), this::display);
    }

    /** {@code path} as users should see it: relative to the project when inside it, with forward slashes. */
    public String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(projectDir) ? projectDir.relativize(absolute) : absolute;
        String text = shown.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }

    /**
     * Collects {@link BuildOptions} one value at a time. Each setter refuses a missing or
     * impossible value at once, naming it, so a caller learns which of its values was wrong; paths
     * may be relative to the project folder.
     */
    public static final class Builder {
        private final Path projectDir;
        private Path contentDir = Path.of("content");
        private Path themeDir = Path.of("themes", "default");
        private Path outputDir = Path.of("site");
        private Optional<String> baseUrl = Optional.empty();
        private Optional<Boolean> drafts = Optional.empty();
        private int threads = Runtime.getRuntime().availableProcessors();
        private boolean compress;
        private boolean failOnStale;
        private Optional<Path> cacheDir = Optional.empty();
        private boolean force;

        private Builder(Path projectDir) {
            this.projectDir = Objects.requireNonNull(projectDir, "the project folder (projectDir) must be given");
        }

        /** The content folder: site.yml and one folder per language; default {@code content}. */
        public Builder content(Path dir) {
            contentDir = present(dir, "the content folder");
            return this;
        }

        /** The theme folder; default {@code themes/default}. */
        public Builder theme(Path dir) {
            themeDir = present(dir, "the theme folder");
            return this;
        }

        /** Where the site is written; default {@code site}. */
        public Builder output(Path dir) {
            outputDir = present(dir, "the output folder");
            return this;
        }

        /** Replaces site.yml's {@code baseUrl} for this run; not blank (leave it out to keep site.yml's). */
        public Builder baseUrl(String url) {
            if (present(url, "the baseUrl override").isBlank()) {
                throw new IllegalArgumentException("the baseUrl override is blank; leave it out to use site.yml's");
            }
            baseUrl = Optional.of(url);
            return this;
        }

        /** Replaces site.yml's {@code drafts} for this run: publish draft pages or not. */
        public Builder drafts(boolean show) {
            drafts = Optional.of(show);
            return this;
        }

        /** Worker threads for parsing, rendering and publishing; at least 1. */
        public Builder threads(int count) {
            threads = atLeastOne(count);
            return this;
        }

        /** Also writes a gzip copy beside each text file. */
        public Builder compress(boolean gzip) {
            compress = gzip;
            return this;
        }

        /** Makes a stale translation an error rather than a warning. */
        public Builder failOnStale(boolean fail) {
            failOnStale = fail;
            return this;
        }

        /**
         * Keeps share cards and picture copies in {@code dir} (relative to the project) between
         * builds, so that a rebuild draws only what changed; Maven passes its build folder.
         */
        public Builder cache(Path dir) {
            cacheDir = Optional.of(present(dir, "the cache folder"));
            return this;
        }

        /** Replaces the output folder even when it holds files Broadside did not write. */
        public Builder force(boolean replaceAnyFolder) {
            force = replaceAnyFolder;
            return this;
        }

        public BuildOptions build() {
            return new BuildOptions(projectDir, contentDir, themeDir, outputDir, baseUrl, drafts, threads, compress,
                    failOnStale, cacheDir, force);
        }

        private static <T> T present(T value, String what) {
            return Objects.requireNonNull(value, () -> what + " must be given (it was null)");
        }

        static int atLeastOne(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + threads);
            }
            return threads;
        }
    }
}
