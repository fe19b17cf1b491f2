package dev.convostore.application;

import dev.convostore.domain.Checks;

/**
 * Size limits a store enforces on input, configurable per store.
 *
 * @param maxContentLength the longest message or context item content, in UTF-16 chars
 * @param maxJsonBytes the largest metadata, tool arguments or agent state, as UTF-8 JSON text
 * @param maxBatchSize the most messages one append may carry
 */
public record StoreLimits(int maxContentLength, int maxJsonBytes, int maxBatchSize) {

  /** 1 MiB of content, 64 KiB of JSON, 1,000 messages per append. */
  public static final StoreLimits DEFAULTS = new StoreLimits(1 << 20, 64 << 10, 1000);

  /** Validates that every limit is positive. */
  public StoreLimits {
    Checks.positive("maxContentLength", maxContentLength, Integer.MAX_VALUE);
    Checks.positive("maxJsonBytes", maxJsonBytes, Integer.MAX_VALUE);
    Checks.positive("maxBatchSize", maxBatchSize, Integer.MAX_VALUE);
  }
}
