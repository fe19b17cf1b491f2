package dev.convostore.cli;

import dev.convostore.domain.MessageFilter;
import dev.convostore.domain.MessageKind;
import dev.convostore.domain.MessageRole;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --role}, {@code --kind} and {@code --tool} options of the commands that read messages. */
final class MessageFilterOptions {

  @Option(names = "--role", paramLabel = "ROLE", split = ",",
      description = "Only messages of these roles: user, assistant, system, tool (in a window, tool results keep their calls).")
  List<String> roles = List.of();

  @Option(names = "--kind", paramLabel = "KIND", split = ",",
      description = "Only messages of these kinds: text, tool_call, tool_result, error (in a window, tool results keep their calls).")
  List<String> kinds = List.of();

  @Option(names = "--tool", paramLabel = "NAME", split = ",",
      description = "Only the calls and results of these tools (in a window, tool results keep their calls).")
  List<String> toolNames = List.of();

  /** The filter the options name; every message when none is given. */
  MessageFilter filter() {
    return MessageFilter.NONE
        .withRoles(roles.stream().map(role -> MessageCommands.parse(MessageRole.class, "--role", role)).toArray(MessageRole[]::new))
        .withKinds(kinds.stream().map(kind -> MessageCommands.parse(MessageKind.class, "--kind", kind)).toArray(MessageKind[]::new))
        .withToolNames(toolNames.toArray(String[]::new));
  }
}
