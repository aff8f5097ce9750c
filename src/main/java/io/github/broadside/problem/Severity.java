package io.github.broadside.problem;

/** How bad a {@link Problem} is: errors fail the build, warnings are reported and the build goes on. */
public enum Severity {
    WARNING("warning"),
    ERROR("error");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The lower-case word used in printed problems ({@code error}, {@code warning}). */
    public String label() {
        return label;
    }
}
