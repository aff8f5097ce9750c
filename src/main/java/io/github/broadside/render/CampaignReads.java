package io.github.broadside.render;

import io.github.broadside.content.Campaign;
import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.attributes.ResolvedAttribute;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Records which attributes templates read from {@link Campaign}s ({@code c.title}, {@code c.status.key}
 * reads {@code status}), for the thread that asked through {@link TemplateEngine#render(String,
 * java.util.Map, Set)}. It resolves nothing itself: Pebble's own resolver still does.
 *
 * <p>Serve records what its list pages (home, tag and category pages) read, so an edit that changes
 * none of those attributes of a campaign leaves them alone: a template renders the same text when
 * everything it read is the same, so a field no list template read cannot change a list page.
 */
public final class CampaignReads extends AbstractExtension {
    /** Recorded for an attribute called with arguments: any change of the campaign counts. */
    public static final String ANY = "*";

    private final ThreadLocal<Set<String>> reads;

    CampaignReads(ThreadLocal<Set<String>> reads) {
        this.reads = reads;
    }

    @Override
    public List<AttributeResolver> getAttributeResolver() {
        return List.of(this::record);
    }

    private ResolvedAttribute record(Object instance, Object attribute, Object[] arguments, ArgumentsNode node,
            EvaluationContextImpl context, String file, int line) {
        Set<String> into = reads.get();
        if (into != null && instance instanceof Campaign) {
            into.add(arguments != null && arguments.length > 0 ? ANY : String.valueOf(attribute));
        }
        return null; // not resolved here: the next resolver does
    }

    /**
     * Whether a template that read only the attributes {@code read} could show {@code a} and
     * {@code b} differently: true when one of those attributes differs between them (read as Pebble
     * does: {@code getName()}, {@code isName()}, {@code hasName()}, {@code name()}), or when an
     * attribute cannot be compared.
     */
    public static boolean differ(Collection<String> read, Campaign a, Campaign b) {
        if (a.equals(b)) {
            return false;
        }
        for (String name : read) {
            if (name.equals(ANY)) {
                return true;
            }
            Optional<Method> getter = getter(name);
            if (getter.isEmpty()) {
                continue; // Pebble finds nothing either: the template sees null for both
            }
            try {
                if (!Objects.equals(getter.get().invoke(a), getter.get().invoke(b))) {
                    return true;
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Method> getter(String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String capital = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String candidate : List.of("get" + capital, "is" + capital, "has" + capital, name)) {
            try {
                Method method = Campaign.class.getMethod(candidate);
                if (!Modifier.isStatic(method.getModifiers())) {
                    return Optional.of(method);
                }
            } catch (NoSuchMethodException e) {
                // try the next spelling
            }
        }
        return Optional.empty();
    }
}
