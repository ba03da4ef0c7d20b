package io.alphintra.itest.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadmeCommandsTest {

    @Test
    void takesTheLinesOfShellBlocksWithoutTheirComments() {
        String readme = """
                Text with `./alphintra inline` that is not a command.

                ```sh
                ./alphintra start --background          # returns once /health answers
                # a comment line
                ./alphintra client "alphintra:orders --id a#1"

                ```

                ```java
                not.a.Command();
                ```
                ```bash
                curl 127.0.0.1:8080/health
                ```
                """;
        assertEquals(List.of("./alphintra start --background", "./alphintra client \"alphintra:orders --id a#1\"",
                "curl 127.0.0.1:8080/health"), ReadmeCommands.shellLines(readme));
    }
}
