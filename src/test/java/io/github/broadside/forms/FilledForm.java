package io.github.broadside.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Connection;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

/**
 * A generated form filled in the way a signer would (every text field typed, every box ticked),
 * and what a browser without JavaScript then sends: Jsoup's {@link FormElement#formData()}.
 */
final class FilledForm {
    /** What the test signer types, by canonical field. */
    static final Map<String, String> TYPED = Map.of(
            "given_name", "Ana", "family_name", "Pérez", "email", "ana@example.org", "organization", "Casa Unida",
            "role", "Director", "postal_code", "60601", "country", "US", "phone", "+1 312 555 0100",
            "comment", "Families belong together & free.");

    private FilledForm() {
    }

    static FormElement fill(Document page, String formId) {
        FormElement form = (FormElement) page.getElementById(formId);
        for (Element input : form.select("[data-bs-field]")) {
            String key = input.attr("data-bs-field");
            if (input.attr("type").equals("checkbox")) {
                input.attr("checked", true);
            } else if (input.tagName().equals("select")) {
                input.select("option").forEach(o -> o.attr("selected", o.val().equals(TYPED.get(key))));
            } else {
                input.val(TYPED.getOrDefault(key, "x"));
            }
        }
        return form;
    }

    /** The urlencoded pairs a browser would post, in order. */
    static List<Map.Entry<String, String>> pairs(FormElement form) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (Connection.KeyVal kv : form.formData()) {
            out.add(Map.entry(kv.key(), kv.value()));
        }
        return out;
    }

    /** The same as a map (last value wins). */
    static Map<String, String> data(FormElement form) {
        Map<String, String> out = new LinkedHashMap<>();
        pairs(form).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
