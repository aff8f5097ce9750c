package io.github.broadside.forms;

/**
 * How the enhancing script sends a form. Without JavaScript a browser always sends
 * {@link #URLENCODED}; a provider that accepts only {@link #JSON} therefore needs the script, and
 * should name a fallback page for signers without it ({@link FormSpec#fallbackUrl()}).
 */
public enum Encoding {
    URLENCODED("urlencoded"),
    JSON("json");

    private final String key;

    Encoding(String key) {
        this.key = key;
    }

    /** The word the page's {@code data-bs-encoding} attribute carries. */
    public String key() {
        return key;
    }
}
