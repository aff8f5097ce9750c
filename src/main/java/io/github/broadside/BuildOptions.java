package io.github.broadside;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to build: where the content, theme and output are, and the per-run overrides of site
 * settings. Paths are resolved against {@code projectDir}, which is also what problems and
 * messages show paths relative to.
 *
 * @param baseUrl  replaces {@code baseUrl} from site.yml (preview deploys), when present
 * @param drafts   replaces {@code drafts} from site.yml, when present
 * @param threads  worker threads for parsing and rendering; at least 1
 * @param compress also write a gzip copy ({@code page.html.gz}) beside each text file, for hosts
 *                 that serve precompressed files
 * @param failOnStale whether a stale translation (translated from an older version of its source)
 *                    is an error rather than a warning
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
        projectDir = projectDir.toAbsolutePath().normalize();
        contentDir = projectDir.resolve(Objects.requireNonNull(contentDir, "contentDir")).normalize();
        themeDir = projectDir.resolve(Objects.requireNonNull(themeDir, "themeDir")).normalize();
        outputDir = projectDir.resolve(Objects.requireNonNull(outputDir, "outputDir")).normalize();
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(drafts, "drafts");
        Path root = projectDir;
        cacheDir = Objects.requireNonNull(cacheDir, "cacheDir").map(d -> root.resolve(d).normalize());
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    /** Options that refuse an output folder Broadside did not write. */
    public BuildOptions(Path projectDir, Path contentDir, Path themeDir, Path outputDir, Optional<String> baseUrl,
            Optional<Boolean> drafts, int threads, boolean compress, boolean failOnStale, Optional<Path> cacheDir) {
        this(projectDir, contentDir, themeDir, outputDir, baseUrl, drafts, threads, compress, failOnStale, cacheDir,
                false);
    }

    /** Options that keep nothing between builds. */
    public BuildOptions(Path projectDir, Path contentDir, Path themeDir, Path outputDir, Optional<String> baseUrl,
            Optional<Boolean> drafts, int threads, boolean compress, boolean failOnStale) {
        this(projectDir, contentDir, themeDir, outputDir, baseUrl, drafts, threads, compress, failOnStale,
                Optional.empty());
    }

    /** Options without precompression and with stale translations as warnings. */
    public BuildOptions(Path projectDir, Path contentDir, Path themeDir, Path outputDir, Optional<String> baseUrl,
            Optional<Boolean> drafts, int threads) {
        this(projectDir, contentDir, themeDir, outputDir, baseUrl, drafts, threads, false, false);
    }

    /** The conventional layout under {@code projectDir}: content/, themes/default/, site/. */
    public static BuildOptions defaults(Path projectDir) {
        return new BuildOptions(projectDir, Path.of("content"), Path.of("themes", "default"), Path.of("site"),
                Optional.empty(), Optional.empty(), Runtime.getRuntime().availableProcessors());
    }

    public BuildOptions withOutputDir(Path dir) {
        return new BuildOptions(projectDir, contentDir, themeDir, dir, baseUrl, drafts, threads, compress,
                failOnStale, cacheDir, force);
    }

    public BuildOptions withContentDir(Path dir) {
        return new BuildOptions(projectDir, dir, themeDir, outputDir, baseUrl, drafts, threads, compress,
                failOnStale, cacheDir, force);
    }

    public BuildOptions withThemeDir(Path dir) {
        return new BuildOptions(projectDir, contentDir, dir, outputDir, baseUrl, drafts, threads, compress,
                failOnStale, cacheDir, force);
    }

    public BuildOptions withBaseUrl(String url) {
        return new BuildOptions(projectDir, contentDir, themeDir, outputDir, Optional.of(url), drafts, threads,
                compress, failOnStale, cacheDir, force);
    }

    public BuildOptions withDrafts(boolean show) {
        return new BuildOptions(projectDir, contentDir, themeDir, outputDir, baseUrl, Optional.of(show), threads,
                compress, failOnStale, cacheDir, force);
    }

    public BuildOptions withCompress(boolean gzip) {
        return new BuildOptions(projectDir, contentDir, themeDir, outputDir, baseUrl, drafts, threads, gzip,
                failOnStale, cacheDir, force);
    }

    public BuildOptions withFailOnStale(boolean fail) {
        return new BuildOptions(projectDir, contentDir, themeDir, outputDir, baseUrl, drafts, threads, compress,
                fail, cacheDir, force);
    }

    /**
     * Keeps share cards in {@code dir} (relative to the project) between builds, so that a rebuild
     * draws only the cards whose text changed; Maven passes its build folder.
     */
    public BuildOptions withCacheDir(Path dir) {
        return new BuildOptions(projectDir, contentDir, themeDir, outputDir, baseUrl, drafts, threads, compress,
                failOnStale, Optional.of(dir), force);
    }

    /** Options that replace an output folder Broadside did not write (see {@link #force()}). */
    public BuildOptions withForce(boolean replaceAnyFolder) {
        return new BuildOptions(projectDir, contentDir, themeDir, outputDir, baseUrl, drafts, threads, compress,
                failOnStale, cacheDir, replaceAnyFolder);
    }

    /**
     * The guard every read of the project's files goes through: the project folder is trusted,
     * and so are the content folder and the themes' folder when they lie outside it.
     */
    public io.github.broadside.files.ProjectFiles files() {
        Path themes = themeDir.getParent() == null ? themeDir : themeDir.getParent();
        return new io.github.broadside.files.ProjectFiles(java.util.List.of(projectDir, contentDir, themes),
                this::display);
    }

    /** {@code path} as users should see it: relative to the project when inside it, with forward slashes. */
    public String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(projectDir) ? projectDir.relativize(absolute) : absolute;
        String text = shown.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }
}
