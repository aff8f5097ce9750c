package io.github.broadside.serve;

/** A request the form sink refuses, with the HTTP status and the reason shown to the sender. */
final class Refused extends Exception {
    private final int status;

    Refused(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
