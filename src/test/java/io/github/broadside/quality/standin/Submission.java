package io.github.broadside.quality.standin;

import java.util.Map;

/**
 * One signature as the provider would store it: its fields by the provider's own names (JSON
 * bodies flattened to pointers such as {@code /person/given_name}), and what names it: campaign,
 * action, language and source code, as read back from where this provider keeps them.
 */
public record Submission(String path, Map<String, String> fields, String campaign, String action, String language,
        String source) {
    public Submission {
        fields = Map.copyOf(fields);
    }
}
