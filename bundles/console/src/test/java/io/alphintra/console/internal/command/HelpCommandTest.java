package io.alphintra.console.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.junit.jupiter.api.Test;

/** The scope listing {@code help alphintra} prints, whichever bundles the scope's commands come from. */
class HelpCommandTest {

    @Test
    void aScopeIsListedWithEveryCommandAndItsDescriptionAndNothingElse() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        HelpCommand.printCommands(List.of(command("alphintra", "status", "Shows this node"),
                command("alphintra", "orders", "Lists orders, newest first"), command("bundle", "list", "Lists"),
                command("*", "alphintra", "Enter the subshell"), command("alphintra", "rulesets", null)),
                c -> "alphintra".equals(c.getScope()), null, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String text = printed.toString(StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
        assertThat(text).startsWith("COMMANDS\n");
        assertThat(text.lines().filter(line -> line.contains("alphintra:")).toList()).satisfiesExactly(
                line -> assertThat(line).matches("alphintra:orders\\s+[|│] Lists orders, newest first\\s*"),
                line -> assertThat(line).matches("alphintra:rulesets\\s+[|│]\\s*"),
                line -> assertThat(line).matches("alphintra:status\\s+[|│] Shows this node\\s*"));
        assertThat(text).doesNotContain("bundle:list", "subshell");
    }

    @Test
    void everyCommandArgumentAndOptionHasADescription() {
        for (Class<?> type : List.of(StatusCommand.class, HelpCommand.class)) {
            Command command = type.getAnnotation(Command.class);
            assertThat(command.scope()).isEqualTo("alphintra");
            assertThat(command.description()).as(type.getSimpleName()).isNotBlank();
            for (Field field : type.getDeclaredFields()) {
                Option option = field.getAnnotation(Option.class);
                Argument argument = field.getAnnotation(Argument.class);
                if (option != null) {
                    assertThat(option.description()).as(type.getSimpleName() + " " + option.name()).isNotBlank();
                }
                if (argument != null) {
                    assertThat(argument.description()).as(type.getSimpleName() + " " + argument.name()).isNotBlank();
                }
            }
        }
    }

    private static org.apache.karaf.shell.api.console.Command command(String scope, String name, String description) {
        Class<?> type = org.apache.karaf.shell.api.console.Command.class;
        return (org.apache.karaf.shell.api.console.Command) Proxy.newProxyInstance(
                HelpCommandTest.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "getScope" -> scope;
                    case "getName" -> name;
                    case "getDescription" -> description;
                    default -> null;
                });
    }
}
