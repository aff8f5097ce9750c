package io.github.broadside.forms;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The canonical fields a Broadside action form can ask for. Providers map each canonical name
 * ({@link #key()}, e.g. {@code given_name}) to the name their service expects ({@code entry.12345},
 * {@code first_name}); the theme labels them through the message keys {@code form.field.<key>}.
 */
public enum SignerField {
    GIVEN_NAME("given_name", "text", "given-name", 100),
    FAMILY_NAME("family_name", "text", "family-name", 100),
    EMAIL("email", "email", "email", 254),
    ORGANIZATION("organization", "text", "organization", 200),
    ROLE("role", "text", "organization-title", 200),
    POSTAL_CODE("postal_code", "text", "postal-code", 20),
    /** An ISO 3166-1 alpha-2 code, chosen from a list of names in the page's language ({@link Countries}). */
    COUNTRY("country", "select", "country", 2),
    PHONE("phone", "tel", "tel", 40),
    COMMENT("comment", "textarea", "off", 2000),
    /** "I called": the record of a phone call, with the caller's postal code. */
    CALLED("called", "checkbox", "", 0),
    /** The separate, optional "send me news" box. */
    OPT_IN("opt_in", "checkbox", "", 0),
    /** Agreement to the organisers keeping the details given; always shown, always required. */
    CONSENT("consent", "checkbox", "", 0);

    private final String key;
    private final String inputType;
    private final String autocomplete;
    private final int maxLength;

    SignerField(String key, String inputType, String autocomplete, int maxLength) {
        this.key = key;
        this.inputType = inputType;
        this.autocomplete = autocomplete;
        this.maxLength = maxLength;
    }

    /** The canonical name used in configuration and, unless a provider renames it, in the request. */
    public String key() {
        return key;
    }

    /** {@code text}, {@code email}, {@code tel}, {@code textarea}, {@code select} or {@code checkbox}. */
    public String inputType() {
        return inputType;
    }

    /** The HTML autocomplete token; empty for checkboxes, which take none. */
    public String autocomplete() {
        return autocomplete;
    }

    /** The longest value accepted; 0 for checkboxes. */
    public int maxLength() {
        return maxLength;
    }

    public boolean isCheckbox() {
        return inputType.equals("checkbox");
    }

    public static Optional<SignerField> fromKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.key.equals(lower)).findFirst();
    }

    public static java.util.List<String> keys() {
        return Arrays.stream(values()).map(SignerField::key).toList();
    }
}
