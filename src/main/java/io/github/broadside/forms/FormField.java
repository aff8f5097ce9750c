package io.github.broadside.forms;

import io.github.broadside.content.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One field of an action's form: which canonical field, and whether the signer must fill it.
 * {@link #forAction(Action)} is the form each action type asks for.
 */
public record FormField(SignerField field, boolean required) {
    public FormField {
        Objects.requireNonNull(field, "field");
    }

    /**
     * The fields of {@code action}'s form, in page order: a petition asks for the signer's name,
     * email, postal code and country (phone and comment optional); a letter adds organisation and
     * role; a call records "I called" with a postal code; a statement asks for name, organisation
     * and email. The news opt-in comes when the action asks for it, consent always last.
     */
    public static List<FormField> forAction(Action action) {
        List<FormField> fields = new ArrayList<>();
        switch (action.type()) {
            case PETITION, LETTER -> {
                fields.add(new FormField(SignerField.GIVEN_NAME, true));
                fields.add(new FormField(SignerField.FAMILY_NAME, true));
                fields.add(new FormField(SignerField.EMAIL, true));
                if (action.type() == io.github.broadside.content.ActionType.LETTER) {
                    fields.add(new FormField(SignerField.ORGANIZATION, false));
                    fields.add(new FormField(SignerField.ROLE, false));
                }
                fields.add(new FormField(SignerField.POSTAL_CODE, true));
                fields.add(new FormField(SignerField.COUNTRY, true));
                fields.add(new FormField(SignerField.PHONE, false));
                fields.add(new FormField(SignerField.COMMENT, false));
            }
            case CALL -> {
                fields.add(new FormField(SignerField.CALLED, true));
                fields.add(new FormField(SignerField.POSTAL_CODE, true));
                if (action.optIn()) {
                    // Only asked when the caller may want news: a call needs no email otherwise.
                    fields.add(new FormField(SignerField.EMAIL, false));
                }
            }
            case STATEMENT -> {
                fields.add(new FormField(SignerField.GIVEN_NAME, true));
                fields.add(new FormField(SignerField.FAMILY_NAME, true));
                fields.add(new FormField(SignerField.ORGANIZATION, true));
                fields.add(new FormField(SignerField.EMAIL, true));
            }
        }
        if (action.optIn()) {
            fields.add(new FormField(SignerField.OPT_IN, false));
        }
        fields.add(new FormField(SignerField.CONSENT, true));
        return List.copyOf(fields);
    }
}
