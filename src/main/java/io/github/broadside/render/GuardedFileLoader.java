package io.github.broadside.render;

import io.github.broadside.files.ProjectFiles;
import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.FileLoader;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Pebble's file loader behind the project's guard: a template, include, import or embed that is
 * a symbolic link, or lies outside the theme's folder, is not found. {@link Theme#open} has
 * already reported such a file with its name; this keeps Pebble from reading it all the same.
 */
final class GuardedFileLoader extends FileLoader {
    private final Path folder;
    private final ProjectFiles files;

    GuardedFileLoader(String folder, ProjectFiles files) {
        super(folder);
        this.folder = Path.of(folder).toAbsolutePath().normalize();
        this.files = Objects.requireNonNull(files, "files");
    }

    @Override
    public Reader getReader(String templateName) {
        Path file = folder.resolve(templateName + (getSuffix() == null ? "" : getSuffix())).normalize();
        if (!file.startsWith(folder) || files.refusal(file).isPresent()) {
            throw new LoaderException(null, "Could not find template \"" + templateName + "\"");
        }
        return super.getReader(templateName);
    }
}
