package dev.convostore.domain;

import java.util.Set;

/**
 * Which context items of a conversation to list, and in what order.
 *
 * @param sources only items from these sources; all sources when empty
 * @param minRelevance only items at least this relevant, in [0, 1]
 * @param order the order of the result
 * @param limit the most items, 1..{@value #MAX_LIMIT}
 */
public record ContextQuery(Set<ContextSource> sources, double minRelevance, Order order, int limit) {

  /** Most items one query returns. */
  public static final int MAX_LIMIT = 10_000;

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
    if (!(minRelevance >= 0.0 && minRelevance <= 1.0)) {
      throw new ValidationException("minRelevance", "must be a number from 0 to 1");
    }
    Checks.present("order", order);
    Checks.positive("limit", limit, MAX_LIMIT);
  }

  /** Every item, oldest first, up to the largest limit. */
  public static ContextQuery all() {
    return new ContextQuery(Set.of(), 0.0, Order.OLDEST_FIRST, MAX_LIMIT);
  }

  /** The {@code k} most relevant items. */
  public static ContextQuery topK(int k) {
    return new ContextQuery(Set.of(), 0.0, Order.MOST_RELEVANT_FIRST, k);
  }

  /** This query restricted to the given sources. */
  public ContextQuery fromSources(ContextSource... wanted) {
    return new ContextQuery(Set.of(wanted), minRelevance, order, limit);
  }

  /** This query restricted to items at least {@code min} relevant. */
  public ContextQuery withMinRelevance(double min) {
    return new ContextQuery(sources, min, order, limit);
  }
}
