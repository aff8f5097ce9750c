package io.github.broadside.forms;

/**
 * How the enhancing script learns that a submission succeeded. Without JavaScript the provider's
 * own response shows: ideally a redirect to the campaign's thank-you page.
 */
public enum ResponseHandling {
    /** Ask for JSON ({@code Accept: application/json}); any 2xx status is success. */
    JSON("json"),
    /** Any 2xx status is success; the body is ignored (Netlify answers with HTML). */
    STATUS("status"),
    /**
     * The service allows no cross-origin reads (Google Forms): the script posts in
     * {@code no-cors} mode and counts a completed request as success.
     */
    OPAQUE("opaque");

    private final String key;

    ResponseHandling(String key) {
        this.key = key;
    }

    /** The word the page's {@code data-bs-response} attribute carries. */
    public String key() {
        return key;
    }
}
