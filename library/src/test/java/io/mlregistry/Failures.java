package io.mlregistry;

/** The message a user reads of a failed program: the innermost cause's, without the engine's wrapping. */
final class Failures {

    private Failures() {
    }

    static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
