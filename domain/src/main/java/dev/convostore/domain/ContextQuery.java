package dev.convostore.domain;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which context items of a conversation to list, and in what order. Each filter that is set keeps
 * the items whose value is one of its values; an item without a value (no context type, say) is
 * left out by a filter on it.
 *
 * @param sources only items from these sources; all sources when empty
 * @param contextTypes only items of these context types; any when empty
 * @param focusAreas only items of these focus areas; any when empty
 * @param preferenceTypes only items of these preference types; any when empty
 * @param minRelevance only items at least this relevant, in [0, 1]
 * @param order the order of the result
 * @param limit the most items, 1..{@value #MAX_LIMIT}
 */
public record ContextQuery(
    Set<ContextSource> sources,
    Set<String> contextTypes,
    Set<String> focusAreas,
    Set<String> preferenceTypes,
    double minRelevance,
    Order order,
    int limit) {

  /** Most items one query returns. */
  public static final int MAX_LIMIT = 10_000;

  /** Most values one filter holds. */
  public static final int MAX_FILTER_VALUES = 100;

  /** The order of the result. */
  public enum Order {
    /** In the order they were added. */
    OLDEST_FIRST,
    /** Most relevant first; equally relevant items newest first. */
    MOST_RELEVANT_FIRST
  }

  /** Validates every component. */
  public ContextQuery {
    sources = Set.copyOf(Checks.present("sources", sources));
    contextTypes = names("contextTypes", contextTypes, NewContextItem.MAX_TYPE_LENGTH);
    focusAreas = names("focusAreas", focusAreas, AgentState.MAX_FOCUS_AREA_LENGTH);
    preferenceTypes = names("preferenceTypes", preferenceTypes, NewContextItem.MAX_TYPE_LENGTH);
    if (!(minRelevance >= 0.0 && minRelevance <= 1.0)) {
      throw new ValidationException("minRelevance", "must be a number from 0 to 1");
    }
    Checks.present("order", order);
    Checks.positive("limit", limit, MAX_LIMIT);
  }

  /** Every item, oldest first, up to the largest limit. */
  public static ContextQuery all() {
    return new ContextQuery(Set.of(), Set.of(), Set.of(), Set.of(), 0.0, Order.OLDEST_FIRST, MAX_LIMIT);
  }

  /** The {@code k} most relevant items. */
  public static ContextQuery topK(int k) {
    return new ContextQuery(Set.of(), Set.of(), Set.of(), Set.of(), 0.0, Order.MOST_RELEVANT_FIRST, k);
  }

  /** This query restricted to the given sources. */
  public ContextQuery fromSources(ContextSource... wanted) {
    return new ContextQuery(Set.of(wanted), contextTypes, focusAreas, preferenceTypes, minRelevance, order, limit);
  }

  /** This query restricted to the given context types. */
  public ContextQuery ofContextTypes(String... wanted) {
    return new ContextQuery(sources, given(wanted), focusAreas, preferenceTypes, minRelevance, order, limit);
  }

  /** This query restricted to the given focus areas. */
  public ContextQuery inFocusAreas(String... wanted) {
    return new ContextQuery(sources, contextTypes, given(wanted), preferenceTypes, minRelevance, order, limit);
  }

  /** This query restricted to the given preference types. */
  public ContextQuery ofPreferenceTypes(String... wanted) {
    return new ContextQuery(sources, contextTypes, focusAreas, given(wanted), minRelevance, order, limit);
  }

  /** This query restricted to items at least {@code min} relevant. */
  public ContextQuery withMinRelevance(double min) {
    return new ContextQuery(sources, contextTypes, focusAreas, preferenceTypes, min, order, limit);
  }

  /** Whether an item holding {@code details} passes every filter of this query. */
  public boolean admits(NewContextItem details) {
    return (sources.isEmpty() || sources.contains(details.source()))
        && admits(contextTypes, details.contextType())
        && admits(focusAreas, details.focusArea())
        && admits(preferenceTypes, details.preferenceType())
        && details.relevance() >= minRelevance;
  }

  private static boolean admits(Set<String> wanted, Optional<String> value) {
    return wanted.isEmpty() || value.filter(wanted::contains).isPresent();
  }

  /** The values as given, nulls and repeats included, for the constructor to check. */
  private static Set<String> given(String... values) {
    return new HashSet<>(Arrays.asList(values));
  }

  /** The values, each a valid name as items store it (trimmed), at most {@value #MAX_FILTER_VALUES}. */
  private static Set<String> names(String field, Set<String> values, int maxLength) {
    Checks.present(field, values);
    if (values.size() > MAX_FILTER_VALUES) {
      throw new ValidationException(field, "must hold at most " + MAX_FILTER_VALUES + " values");
    }
    return values.stream().map(value -> Checks.name(field, value, maxLength)).collect(Collectors.toUnmodifiableSet());
  }
}
