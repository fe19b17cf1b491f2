package dev.convostore.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValueTest {

  @Test
  void canonicalTextSortsKeysAndHasNoSpaces() {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("zeta", 1);
    members.put("alpha", List.of(true, false, "x"));
    members.put("mid", null);
    assertEquals("{\"alpha\":[true,false,\"x\"],\"mid\":null,\"zeta\":1}", JsonObject.from("m", members).toJson());
  }

  @Test
  void equalNumbersAreEqualWhateverTheirScale() {
    assertEquals(JsonObject.of("n", new BigDecimal("1.50")), JsonObject.of("n", 1.5));
    assertEquals(JsonObject.of("n", new BigDecimal("100")), JsonObject.of("n", new BigDecimal("1E+2")));
    assertEquals("{\"n\":100}", JsonObject.of("n", new BigDecimal("1E+2")).toJson());
    assertNotEquals(JsonObject.of("n", 1), JsonObject.of("n", "1"));
  }

  @Test
  void hugeExponentsStayShort() {
    assertEquals("1E+999", new JsonNumber(new BigDecimal("1E+999")).toJson());
  }

  @Test
  void stringsAreEscaped() {
    assertEquals("\"q\\\" b\\\\ n\\n t\\t c\\u0001 é\"", new JsonString("q\" b\\ n\n t\t c\u0001 é").toJson());
  }

  @Test
  void nonFiniteNumbersAreRejected() {
    assertEquals("json.x", assertThrows(ValidationException.class, () -> JsonObject.of("x", Double.NaN)).field());
    assertThrows(ValidationException.class, () -> JsonObject.of("x", Double.POSITIVE_INFINITY));
  }

  @Test
  void unstorableTextIsRejected() {
    assertThrows(ValidationException.class, () -> JsonObject.of("x", "nul\0"));
    assertThrows(ValidationException.class, () -> JsonObject.of("bad\uD800key", 1));
  }

  @Test
  void nestingIsBounded() {
    JsonValue deep = JsonNull.NULL;
    for (int depth = 1; depth < JsonValue.MAX_DEPTH; depth++) {
      deep = new JsonArray(List.of(deep));
    }
    JsonValue deepest = deep;
    assertEquals(JsonValue.MAX_DEPTH, JsonDepth.of(new JsonArray(List.of(deepest))));
    assertThrows(ValidationException.class, () -> new JsonArray(List.of(new JsonArray(List.of(deepest)))));
  }

  @Test
  void plainJavaValuesTooDeepOrWithBadKeysAreRejectedNamingTheField() {
    java.util.Map<String, Object> allowed = java.util.Map.of("k", "bottom");
    for (int depth = 1; depth < JsonValue.MAX_DEPTH; depth++) {
      allowed = java.util.Map.of("k", allowed);
    }
    assertEquals(JsonValue.MAX_DEPTH, JsonDepth.of(JsonObject.from("metadata", allowed)));
    Object hostile = "bottom";
    for (int depth = 0; depth < 100_000; depth++) {
      hostile = List.of(hostile);
    }
    Object tooDeep = hostile;
    assertEquals("metadata", assertThrows(ValidationException.class,
        () -> JsonObject.from("metadata", java.util.Map.of("k", tooDeep))).field().substring(0, 8));
    assertEquals("metadata", assertThrows(ValidationException.class,
        () -> JsonObject.from("metadata", java.util.Map.of("nul\0key", 1))).field());
  }

  @Test
  void numbersEveryStoreHoldsExactlyAreAcceptedAndOthersRefused() {
    assertEquals(new java.math.BigDecimal("9.99E+999"), JsonObject.of("n", new java.math.BigDecimal("9.99E+999"))
        .get("n").map(n -> ((JsonNumber) n).value()).orElseThrow());
    assertEquals("metadata.n", assertThrows(ValidationException.class,
        () -> JsonObject.from("metadata", java.util.Map.of("n", new java.math.BigDecimal("1E+1000")))).field());
    assertEquals("metadata.n", assertThrows(ValidationException.class,
        () -> JsonObject.from("metadata", java.util.Map.of("n", new java.math.BigDecimal("1E-1001")))).field());
    new JsonNumber(new java.math.BigDecimal("-1E-1000"));
    new JsonNumber(java.math.BigDecimal.valueOf(Double.MIN_VALUE));
    new JsonNumber(java.math.BigDecimal.valueOf(-Double.MAX_VALUE));
  }

  @Test
  void valuesWithoutJsonFormAreRejected() {
    assertEquals("json.when",
        assertThrows(ValidationException.class, () -> JsonObject.of("when", java.time.Instant.EPOCH)).field());
    assertThrows(ValidationException.class, () -> JsonObject.of("odd"));
  }

  @Test
  void objectsAreImmutable() {
    JsonObject object = JsonObject.of("a", 1);
    assertThrows(UnsupportedOperationException.class, () -> object.members().put("b", JsonNull.NULL));
    assertEquals(JsonObject.of("a", 1, "b", 2), object.with("b", 2));
    assertEquals(JsonObject.of("a", 1), object);
  }
}
