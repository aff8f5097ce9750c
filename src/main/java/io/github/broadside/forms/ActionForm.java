package io.github.broadside.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One action's form as the theme renders it: the provider's {@link FormSpec} resolved against the
 * action's fields into inputs with ids, names, autocomplete tokens and error ids. Templates read it
 * as {@code forms[i]}; text that is absent is "".
 *
 * @param number     the action's place on its page, from 1
 * @param id         the {@code <form>} element's id ({@code form-1}); input ids start with it
 * @param inputs     the visible inputs except consent, in page order
 * @param consent    the consent checkbox, always shown and required; its name is "" when the
 *                   provider does not record consent
 * @param honeypot   the honeypot's input name ("" when the provider filters on none: the field is
 *                   then checked by the script only and never sent)
 * @param disabled   whether the campaign is closed or won, so the form takes no more signatures
 * @param consentWording        the hidden input that carries the consent box's wording ("" when the
 *                              provider does not record it)
 * @param consentWordingPointer its JSON pointer ("" unless the script sends JSON)
 * @param subscribesEveryone    whether the provider adds every signer to the list (no opt-in box;
 *                              the page says so)
 * @param countries             the country list in the page's language (empty without a country field)
 * @param defaultCountry        the ISO code preselected in it ("" for none): {@code defaultCountry:}
 */
public record ActionForm(
        int number,
        String id,
        String provider,
        String formName,
        String action,
        String method,
        String encoding,
        String response,
        List<Attribute> attributes,
        List<Hidden> hidden,
        List<Input> inputs,
        Input consent,
        String honeypot,
        int minimumFillSeconds,
        String thanksLink,
        String countUrl,
        String countPointer,
        boolean scriptRequired,
        String fallbackUrl,
        String jsonBase,
        boolean disabled,
        String consentWording,
        String consentWordingPointer,
        boolean subscribesEveryone,
        List<Countries.Country> countries,
        String defaultCountry,
        FormSpec spec) {

    public ActionForm {
        Objects.requireNonNull(id, "id");
        attributes = List.copyOf(attributes);
        hidden = List.copyOf(hidden);
        inputs = List.copyOf(inputs);
        countries = List.copyOf(countries);
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(spec, "spec");
    }

    /** An extra attribute of the {@code <form>} element. */
    public record Attribute(String name, String value) {
    }

    /**
     * A hidden input; {@code jsonPointer} is "" unless the script sends JSON; {@code query} names the
     * page address's query parameter the script copies into it ("" for a fixed value).
     */
    public record Hidden(String name, String value, String jsonPointer, String query) {
    }

    /**
     * One visible input.
     *
     * @param key          the canonical field name ({@code email}); the theme's label is {@code form.field.<key>}
     * @param name         the name sent to the provider; "" for an input that is not sent
     * @param type         {@code text}, {@code email}, {@code tel}, {@code textarea} or {@code checkbox}
     * @param autocomplete the autocomplete token; "" for checkboxes
     * @param value        what a ticked checkbox sends; "" for other inputs
     * @param jsonPointer  where the script writes the value in a JSON body; "" for urlencoded forms
     * @param errorId      the id of the element that holds this input's error message
     * @param format       how the script writes the value before sending it ({@code digits}), or ""
     */
    public record Input(String key, String name, String id, String type, String autocomplete, boolean required,
            int maxLength, String value, String jsonPointer, String errorId, String format) {

        public boolean isCheckbox() {
            return type.equals("checkbox");
        }

        public boolean isTextarea() {
            return type.equals("textarea");
        }

        public boolean isSelect() {
            return type.equals("select");
        }
    }

    /**
     * The inputs a signer must fill, in page order: what the theme shows first so the form reads short;
     * {@link #foldedInputs()} and {@link #optionalChoices()} follow.
     */
    public List<Input> firstInputs() {
        return inputs.stream().filter(Input::required).toList();
    }

    /** The optional checkboxes (news opt-in), shown after the folded inputs, just before consent. */
    public List<Input> optionalChoices() {
        return inputs.stream().filter(i -> !i.required() && i.isCheckbox()).toList();
    }

    /** The optional text inputs, lists and text areas, which the theme folds away under one summary. */
    public List<Input> foldedInputs() {
        return inputs.stream().filter(i -> !i.required() && !i.isCheckbox()).toList();
    }

    /** Whether the page should show the live counter of this form. */
    public boolean hasLiveCount() {
        return !countUrl.isEmpty();
    }

    /** Resolves {@code spec} for {@code request}'s fields. */
    static ActionForm of(FormRequest request, String provider, FormSpec spec, boolean disabled, String defaultCountry) {
        String id = "form-" + request.actionNumber();
        boolean json = spec.encoding() == Encoding.JSON;
        List<Input> inputs = new ArrayList<>();
        Input consent = null;
        for (FormField field : fields(request, spec)) {
            SignerField f = field.field();
            String name = spec.nameOf(f).orElse("");
            if (name.isEmpty() && f != SignerField.CONSENT) {
                continue; // the provider does not take this field: asking for it would collect data for nothing
            }
            if (f == SignerField.OPT_IN && spec.subscribesEveryone()) {
                continue; // a box that changes nothing would mislead: the page says what signing does instead
            }
            String inputId = id + "-" + f.key().replace('_', '-');
            Input input = new Input(f.key(), name, inputId, f.inputType(), f.autocomplete(), field.required(),
                    f.maxLength(), f.isCheckbox() ? spec.checkedValue(f) : "",
                    json && !name.isEmpty() ? spec.jsonPointer(name) : "", inputId + "-error",
                    spec.formats().getOrDefault(f, ""));
            if (f == SignerField.CONSENT) {
                consent = input;
            } else {
                inputs.add(input);
            }
        }
        if (consent == null) {
            throw new IllegalStateException("every form has a consent field");
        }
        List<Hidden> hidden = new ArrayList<>();
        spec.hiddenFields().forEach((name, value) -> hidden.add(new Hidden(name, value,
                json ? spec.jsonPointer(name) : "", spec.queryFields().getOrDefault(name, ""))));
        String wording = spec.consentWordingField().orElse("");
        List<Attribute> attributes = new ArrayList<>();
        spec.attributes().forEach((name, value) -> attributes.add(new Attribute(name, value)));
        return new ActionForm(request.actionNumber(), id, provider, request.formName(), spec.action(), spec.method(),
                spec.encoding().key(), spec.response().key(), attributes, hidden, inputs, consent,
                spec.honeypotField().orElse(""), spec.minimumFillSeconds(), request.thanksLink(),
                spec.liveCount().map(LiveCount::url).orElse(""), spec.liveCount().map(LiveCount::pointer).orElse(""),
                spec.scriptRequired(), spec.fallbackUrl().orElse(""), json ? spec.jsonBase() : "", disabled, wording,
                json && !wording.isEmpty() ? spec.jsonPointer(wording) : "", spec.subscribesEveryone(),
                inputs.stream().anyMatch(Input::isSelect) ? Countries.in(request.language()) : List.of(),
                defaultCountry, spec);
    }

    /** The action's fields, with those the provider needs and the action does not ask for added, required, before consent. */
    private static List<FormField> fields(FormRequest request, FormSpec spec) {
        List<FormField> out = new ArrayList<>(request.fields());
        for (SignerField needed : spec.neededFields()) {
            if (!request.has(needed)) {
                out.add(out.size() - 1, new FormField(needed, true));
            } else {
                out.replaceAll(f -> f.field() == needed ? new FormField(needed, true) : f);
            }
        }
        return out;
    }
}
