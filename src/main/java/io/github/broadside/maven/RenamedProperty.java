package io.github.broadside.maven;

import java.util.Properties;
import org.apache.maven.plugin.logging.Log;

/**
 * A {@code -D} property a goal once read under a name without the {@code broadside.} prefix
 * ({@code -Dtitle}, now {@code -Dbroadside.title}). The old name keeps working for a while, with a
 * warning that names the new one; the new name wins when both are given. Only {@code String}
 * parameters were renamed, so the old value needs no conversion.
 *
 * @param oldName the property without the prefix, e.g. {@code title}
 * @param newName the property to use instead, e.g. {@code broadside.title}
 */
record RenamedProperty(String oldName, String newName) {

    RenamedProperty {
        if (!newName.startsWith("broadside.") || oldName.startsWith("broadside.")) {
            throw new IllegalArgumentException(oldName + " → " + newName + " is not a rename into broadside.*");
        }
    }

    /**
     * The value the goal uses.
     *
     * @param given    the properties given on the command line ({@code -D})
     * @param injected what Maven injected into the parameter under the new name (its default when not given)
     */
    String value(Log log, Properties given, String injected) {
        String old = given.getProperty(oldName);
        if (old == null) {
            return injected;
        }
        if (given.getProperty(newName) != null) {
            log.warn("-D" + oldName + " is deprecated and ignored, since -D" + newName + " is given too");
            return injected;
        }
        log.warn("-D" + oldName + " is deprecated: use -D" + newName + " instead (the old name will stop working)");
        return old;
    }
}
