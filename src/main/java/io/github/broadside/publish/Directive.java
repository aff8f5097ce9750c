package io.github.broadside.publish;

import java.util.Optional;

/**
 * What a published file does with an address, named after the Content-Security-Policy directive that
 * governs it: loads an image, a script, a stylesheet, a font, a frame, media or an object; fetches
 * (script); posts a form; or only links to it. Everything but {@link #CONNECT}, {@link #FORM} and
 * {@link #LINK} happens on page load, which is what the privacy check looks at.
 */
public enum Directive {
    IMG("img-src"),
    SCRIPT("script-src"),
    STYLE("style-src"),
    FONT("font-src"),
    FRAME("frame-src"),
    MEDIA("media-src"),
    OBJECT("object-src"),
    MANIFEST("manifest-src"),
    /** A connection made on load without a fetch (preconnect, dns-prefetch): no directive governs it. */
    PRECONNECT(""),
    CONNECT("connect-src"),
    FORM("form-action"),
    LINK("");

    private final String cspName;

    Directive(String cspName) {
        this.cspName = cspName;
    }

    /** The CSP directive's name, or empty for uses no directive governs. */
    public Optional<String> cspName() {
        return cspName.isEmpty() ? Optional.empty() : Optional.of(cspName);
    }

    /** Whether the browser requests the address as soon as the page loads. */
    public boolean onLoad() {
        return this != CONNECT && this != FORM && this != LINK;
    }
}
