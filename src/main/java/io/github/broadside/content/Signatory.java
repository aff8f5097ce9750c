package io.github.broadside.content;

import java.util.Objects;

/**
 * A name shown publicly under a sign-on letter ("Rev. Jane Doe, Pastor, First Church"), written in
 * front matter by the campaign's editors. Empty strings mean not given.
 */
public record Signatory(String name, String role, String organization) {
    public Signatory {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(organization, "organization");
    }
}
