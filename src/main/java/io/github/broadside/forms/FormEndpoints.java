package io.github.broadside.forms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The form providers a build can use: Broadside's built-in ones and any found on the classpath with
 * {@link ServiceLoader}. Where two providers claim one name, the built-in one wins, then the one found
 * first; the losers and any provider that failed to load are remembered as {@link #loadNotes()} for
 * the build to report.
 */
public final class FormEndpoints {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final String BUILT_IN_PACKAGE = FormEndpoint.class.getPackageName() + ".providers";

    private final Map<String, FormEndpoint> byName;
    private final List<String> notes;

    private FormEndpoints(Map<String, FormEndpoint> byName, List<String> notes) {
        this.byName = Collections.unmodifiableMap(new TreeMap<>(byName));
        this.notes = List.copyOf(notes);
    }

    /** Every provider {@code loader} can see through {@code META-INF/services}. */
    public static FormEndpoints load(ClassLoader loader) {
        List<FormEndpoint> found = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Iterator<FormEndpoint> iterator = ServiceLoader.load(FormEndpoint.class, loader).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                found.add(iterator.next());
            } catch (ServiceConfigurationError e) {
                // A broken third-party jar should not hide the working providers: note it and go on.
                notes.add("a form provider could not be loaded: " + e.getMessage());
            }
        }
        return of(found, notes);
    }

    /** Exactly these providers (tests, embedding). */
    public static FormEndpoints of(List<FormEndpoint> endpoints) {
        return of(endpoints, List.of());
    }

    private static FormEndpoints of(List<FormEndpoint> endpoints, List<String> startNotes) {
        List<String> notes = new ArrayList<>(startNotes);
        Map<String, FormEndpoint> byName = new TreeMap<>();
        List<FormEndpoint> ordered = new ArrayList<>(endpoints);
        // Built-ins first, so a third-party jar cannot silently take over a well-known name.
        ordered.sort((a, b) -> Boolean.compare(!isBuiltIn(a), !isBuiltIn(b)));
        for (FormEndpoint endpoint : ordered) {
            String name;
            try {
                name = endpoint.name();
            } catch (RuntimeException e) {
                notes.add("the form provider " + endpoint.getClass().getName() + " failed to name itself: " + e);
                continue;
            }
            if (name == null || !NAME.matcher(name).matches()) {
                notes.add("the form provider " + endpoint.getClass().getName() + " has an invalid name '" + name
                        + "' (use lowercase letters, digits and hyphens)");
                continue;
            }
            FormEndpoint previous = byName.putIfAbsent(name, endpoint);
            if (previous != null && previous.getClass() != endpoint.getClass()) {
                notes.add("two form providers are named '" + name + "': " + previous.getClass().getName()
                        + " is used, " + endpoint.getClass().getName() + " is ignored");
            }
        }
        return new FormEndpoints(byName, notes);
    }

    private static boolean isBuiltIn(FormEndpoint endpoint) {
        return endpoint.getClass().getPackageName().equals(BUILT_IN_PACKAGE);
    }

    public Optional<FormEndpoint> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The provider names, sorted. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** What went wrong while loading providers, for the build to report as warnings. */
    public List<String> loadNotes() {
        return notes;
    }
}
