package dev.convostore.benchmarks;

import java.util.Arrays;

/** Times of one operation, in nanoseconds, and their median and 99th percentile. */
final class Latencies {

  private final long[] nanos;
  private int count;

  Latencies(int capacity) {
    nanos = new long[capacity];
  }

  /** Times {@code work} and records it. */
  void time(Runnable work) {
    long started = System.nanoTime();
    work.run();
    nanos[count++] = System.nanoTime() - started;
  }

  double medianMillis() {
    return percentile(50);
  }

  double p99Millis() {
    return percentile(99);
  }

  private double percentile(int percent) {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return sorted[Math.min(count - 1, (int) Math.ceil(count * percent / 100.0) - 1)] / 1e6;
  }
}
