package io.alphintra.config.support;

import java.util.List;

/** A configuration that was rejected, with every problem found in it, each naming its key and value. */
public final class InvalidConfigurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidConfigurationException(String pid, List<String> problems) {
        super("Invalid configuration " + pid + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
