package io.alphintra.access;

/**
 * A login that did not succeed. The message is safe to show to the caller: it never says whether the user exists.
 */
public final class LoginRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public LoginRefusedException(String message) {
        super(message);
    }
}
