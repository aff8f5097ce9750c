package io.github.broadside.serve;

import io.github.broadside.files.AtomicFile;
import io.github.broadside.publish.SiteWriter;
import io.github.broadside.incremental.IncrementalBuild;
import io.github.broadside.render.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The folder serve builds into. Applies each {@link IncrementalBuild.Update}: writes the pages that
 * changed, copies changed assets and static files, deletes what is gone. Every file is written
 * beside its target and renamed into place, so a browser never reads half a page.
 */
final class SiteFolder {
    private final Path root;

    SiteFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** Empties the folder (it only ever holds what serve wrote) and creates it if needed. */
    void reset() throws IOException {
        SiteWriter.deleteTree(root);
        Files.createDirectories(root);
    }

    void apply(IncrementalBuild.Update update) throws IOException {
        for (String path : update.removed()) {
            Files.deleteIfExists(target(path));
        }
        for (Map.Entry<String, Path> copy : update.copies().entrySet()) {
            Path target = target(copy.getKey());
            Path temp = temp(target);
            if (Files.isSymbolicLink(copy.getValue())) {
                continue; // a link became one since the build walked it: never followed (the next change reports it)
            }
            try {
                Files.copy(copy.getValue(), temp, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.NoSuchFileException e) {
                continue; // deleted again since the build saw it; the next change removes it
            }
            AtomicFile.replace(temp, target);
        }
        for (Page page : update.changedPages()) {
            Path target = target(page.path());
            Path temp = temp(target);
            Files.write(temp, page.bytes());
            AtomicFile.replace(temp, target);
        }
    }

    private Path target(String path) throws IOException {
        Path target = root.resolve(path).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IOException("refusing to write outside serve's folder: " + path);
        }
        return target;
    }

    private static Path temp(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return target.resolveSibling("." + target.getFileName() + ".tmp");
    }
}
