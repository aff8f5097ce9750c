package io.github.broadside.content;

import java.util.Objects;

/** A person or office a campaign addresses: "To: Secretary John Kelly". Empty strings mean not given. */
public record Target(String name, String role, String phone, String handle) {
    public Target {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(handle, "handle");
    }

    /** The phone number as a {@code tel:} URI: digits and a leading plus only. */
    public String telUri() {
        return "tel:" + phone.replaceAll("[^0-9+]", "");
    }
}
