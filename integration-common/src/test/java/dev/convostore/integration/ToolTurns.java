package dev.convostore.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.domain.Message;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The conversation the integrations' many-turn tests hold with a language model double: it answers
 * each question, and every third one it first asks a clock tool, which says 12:00.
 */
public final class ToolTurns {

  /** How many turns the tests hold. */
  public static final int TURNS = 500;

  /** The window memory's size. */
  public static final int WINDOW = 20;

  private ToolTurns() {}

  /** Whether the model calls the tool at this turn. */
  public static boolean callsTheTool(int turn) {
    return turn % 3 == 0;
  }

  /** The model's answer to a question that needed no tool. */
  public static String answer(int turn) {
    return "answer " + turn;
  }

  /** The model's answer once the tool said {@code time}. */
  public static String answerWithTime(int turn, String time) {
    return "at turn " + turn + " it is " + time;
  }

  /**
   * Checks every prompt the model saw: at most the window of messages from memory beside the new
   * one, and never a tool result before the call it answers. A prompt is given as one word per
   * message: {@code call:ID} for each call of a message that calls tools, {@code result:ID} for
   * each result, {@code system} or {@code message} otherwise.
   */
  public static void assertPromptsWholeAndWithinTheWindow(List<List<String>> prompts) {
    for (List<String> prompt : prompts) {
      long fromMemory = prompt.stream().filter(word -> !word.equals("system")).count() - 1;
      assertTrue(fromMemory <= WINDOW, "the model saw " + fromMemory + " messages from memory");
      Set<String> calls = new HashSet<>();
      for (String word : prompt) {
        if (word.startsWith("call:")) {
          calls.add(word.substring("call:".length()));
        }
        if (word.startsWith("result:")) {
          assertTrue(calls.contains(word.substring("result:".length())), "a tool result without its call");
        }
      }
    }
  }

  /** Every message of {@code turns} turns as the store should hold them: role, kind and content. */
  public static List<String> expectedHistory(int turns) {
    List<String> expected = new ArrayList<>();
    for (int turn = 1; turn <= turns; turn++) {
      expected.add("USER TEXT question " + turn);
      if (callsTheTool(turn)) {
        expected.add("ASSISTANT TOOL_CALL ");
        expected.add("TOOL TOOL_RESULT 12:00");
        expected.add("ASSISTANT TEXT " + answerWithTime(turn, "12:00"));
      } else {
        expected.add("ASSISTANT TEXT " + answer(turn));
      }
    }
    return expected;
  }

  /** The stored messages as {@link #expectedHistory} writes them. */
  public static List<String> described(List<Message> stored) {
    return stored.stream().map(message -> message.role() + " " + message.kind() + " " + message.content()).toList();
  }
}
