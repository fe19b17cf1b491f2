package dev.convostore.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which messages of a saved list the memory already holds; system messages start with "S". */
class MemoryMatchTest {

  private static List<Integer> kept(List<String> memory, List<String> saved) {
    return MemoryMatch.kept(memory, saved, message -> message.startsWith("S"));
  }

  @Test
  void aLongerListKeepsTheWholeMemory() {
    assertEquals(List.of(0, 1, 2), kept(List.of("S", "u1", "a1"), List.of("S", "u1", "a1", "u2")));
  }

  @Test
  void aTrimmedListKeepsTheSystemMessageAndTheRunThatEndsTheMemory() {
    assertEquals(List.of(0, 3, 4), kept(List.of("S", "u1", "a1", "u2", "a2"), List.of("S", "u2", "a2", "u3")));
  }

  @Test
  void aRepeatedMessageAfterEverythingWasTrimmedIsNew() {
    assertEquals(List.of(), kept(List.of("hi", "hello"), List.of("hi")));
  }

  @Test
  void equalMessagesMatchTheLatestOnes() {
    assertEquals(List.of(2, 3), kept(List.of("hi", "ok", "hi", "ok"), List.of("hi", "ok", "new")));
  }

  @Test
  void whenOnlySystemMessagesSurviveTheyAreKept() {
    assertEquals(List.of(0), kept(List.of("S", "u1", "a1"), List.of("S", "u1 again")));
  }

  @Test
  void aReplacementKeepsNothing() {
    assertEquals(List.of(), kept(List.of("u1", "a1"), List.of("summary")));
    assertEquals(List.of(), kept(List.of(), List.of("u1")));
  }
}
