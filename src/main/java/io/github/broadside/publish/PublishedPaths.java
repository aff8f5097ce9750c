package io.github.broadside.publish;

import java.util.Set;

/**
 * The paths the published site will hold, as the checks see them: the generated files (in memory
 * or cached) and the copied static ones.
 */
record PublishedPaths(Set<String> generated, Set<String> statics) {
    PublishedPaths {
        generated = Set.copyOf(generated);
        statics = Set.copyOf(statics);
    }

    /** Whether a request for {@code path} finds a file, as a static host answers it. */
    boolean exists(String path) {
        if (generated.contains(path) || statics.contains(path)) {
            return true;
        }
        // Hosts answer /privacy with /privacy/ when that folder has an index page.
        String folder = path + "/index.html";
        return !path.endsWith(".html") && (generated.contains(folder) || statics.contains(folder));
    }
}
