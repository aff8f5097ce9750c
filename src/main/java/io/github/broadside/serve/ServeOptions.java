package io.github.broadside.serve;

import io.github.broadside.BuildOptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run the dev server.
 *
 * @param build       where the sources are (the output folder in it is never written by serve)
 * @param host        the address to bind; loopback unless the user asks otherwise
 * @param port        the port; 0 picks a free one (tests)
 * @param siteDir     the folder serve builds into and serves from, e.g. {@code target/broadside/serve-site}
 * @param submissions the file the local form sink appends to, e.g. {@code target/broadside/submissions.jsonl}
 */
public record ServeOptions(BuildOptions build, String host, int port, Path siteDir, Path submissions) {
    public ServeOptions {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        siteDir = build.projectDir().resolve(Objects.requireNonNull(siteDir, "siteDir")).normalize();
        submissions = build.projectDir().resolve(Objects.requireNonNull(submissions, "submissions")).normalize();
        // serve deletes and rewrites its folder: it must never be one the user keeps things in.
        for (Path kept : java.util.List.of(build.projectDir(), build.contentDir(), build.themeDir(),
                build.outputDir())) {
            if (kept.startsWith(siteDir)) {
                throw new IllegalArgumentException("serve's folder " + siteDir + " would replace " + kept);
            }
        }
        if (siteDir.startsWith(build.contentDir()) || siteDir.startsWith(build.themeDir())
                || siteDir.startsWith(build.outputDir())) {
            throw new IllegalArgumentException("serve's folder " + siteDir
                    + " must not be inside the content, theme or site folder");
        }
    }

    /** Binds 127.0.0.1:8080 and builds into {@code target/broadside/}. */
    public static ServeOptions defaults(BuildOptions build) {
        Path target = build.projectDir().resolve("target").resolve("broadside");
        return new ServeOptions(build, "127.0.0.1", 8080, target.resolve("serve-site"),
                target.resolve("submissions.jsonl"));
    }

    public ServeOptions withPort(int newPort) {
        return new ServeOptions(build, host, newPort, siteDir, submissions);
    }
}
