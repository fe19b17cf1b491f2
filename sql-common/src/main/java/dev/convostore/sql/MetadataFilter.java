package dev.convostore.sql;

import dev.convostore.domain.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * A listing's metadata filter as text to look for: each member as canonical JSON writes it
 * ({@code "key":value}). Stored metadata is canonical JSON text too, so a conversation holding the
 * member holds that text; the text may also occur elsewhere (inside a nested value), so the
 * listing checks every row it gets exactly.
 */
public final class MetadataFilter {

  private MetadataFilter() {}

  /** The members of the filter, each as canonical JSON text. */
  public static List<String> members(JsonObject filter) {
    return filter.members().entrySet().stream().map(member -> {
      String object = new JsonObject(Map.of(member.getKey(), member.getValue())).toJson();
      return object.substring(1, object.length() - 1);
    }).toList();
  }
}
