package io.github.broadside.config;

import java.util.List;
import java.util.Objects;

/**
 * The browser editor a site turns on with {@code cms:} in {@code site.yml}: where Decap CMS reads
 * and commits the content (its Git backend, the repository and branch) and where it signs people
 * in. With it, the build publishes an editing page at {@code /admin/}; see
 * {@code docs/editing-in-the-browser.md}.
 *
 * @param backend the Decap backend: one of {@link #BACKENDS}
 * @param repo    {@code owner/name} of the repository (empty for {@code git-gateway}, which knows it)
 * @param branch  the branch editors commit to
 * @param authUrl the sign-in service ({@code base_url}: for GitHub, an OAuth proxy such as
 *                {@code https://api.netlify.com}); empty for the backend's default
 * @param appId   the OAuth application id (GitLab sign-in without a proxy, PKCE); empty when none
 * @param path    the project folder inside the repository, ending with {@code /}; empty when the
 *                project is the repository's top level
 */
public record BrowserEditor(String backend, String repo, String branch, String authUrl, String appId, String path) {
    /** The Git backends Decap CMS supports that this editor writes configurations for. */
    public static final List<String> BACKENDS = List.of("github", "gitlab", "git-gateway");
    /** The branch when {@code cms:} does not name one. */
    public static final String DEFAULT_BRANCH = "main";

    public BrowserEditor {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(authUrl, "authUrl");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(path, "path");
        if (!BACKENDS.contains(backend)) {
            throw new IllegalArgumentException("unknown backend: " + backend);
        }
        if (!path.isEmpty() && !path.endsWith("/")) {
            path = path + "/";
        }
    }

    /** Whether the backend needs {@code repo}. */
    public boolean needsRepo() {
        return !backend.equals("git-gateway");
    }
}
