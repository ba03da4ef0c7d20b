package io.alphintra.itest.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The commands a README shows a reader: the lines of its {@code sh} code blocks, without their comments. */
final class ReadmeCommands {
    /** A trailing comment is set off by at least two spaces, so a {@code #} inside a quoted command stays. */
    private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s{2,}#.*$");

    private ReadmeCommands() {
    }

    static List<String> shellLines(String markdown) {
        List<String> commands = new ArrayList<>();
        boolean inShellBlock = false;
        for (String line : markdown.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("```")) {
                inShellBlock = !inShellBlock && (trimmed.equals("```sh") || trimmed.equals("```bash"));
                continue;
            }
            if (inShellBlock && !trimmed.isEmpty() && !trimmed.startsWith("#")) {
                commands.add(TRAILING_COMMENT.matcher(trimmed).replaceFirst(""));
            }
        }
        return commands;
    }
}
