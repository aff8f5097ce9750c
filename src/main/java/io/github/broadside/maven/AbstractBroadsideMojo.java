package io.github.broadside.maven;

import java.util.Properties;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every Broadside goal shares: its options are {@code -Dbroadside.*} properties, and the few
 * it once read under other names ({@link RenamedProperty}) are looked up among the command line's
 * properties, so that the old names keep working with a warning.
 */
abstract class AbstractBroadsideMojo extends AbstractMojo {

    /** The properties given on the command line, where a renamed property's old name is looked up. */
    @Parameter(defaultValue = "${session.userProperties}", readonly = true)
    private Properties userProperties;

    /** The value of a renamed parameter: {@code injected}, unless only the old name was given. */
    final String renamed(RenamedProperty property, String injected) {
        return property.value(getLog(), userProperties == null ? new Properties() : userProperties, injected);
    }
}
