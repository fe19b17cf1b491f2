package dev.convostore.benchmarks;

import dev.convostore.domain.UserId;

/** One way to do the benchmark's jobs: through convostore's public API, or with minimal raw JDBC. */
interface Side extends AutoCloseable {

  /** Stores the whole dataset. */
  void load(Dataset data) throws Exception;

  /** Appends one message to the conversation, taking the next sequence number. */
  void append(Dataset.Plan conversation, int n);

  /** Reads the last 20 messages of the conversation; returns how many. */
  int history(Dataset.Plan conversation);

  /** Reads the owner's 20 most recently active conversations; returns how many. */
  int list(UserId owner);

  /** Finds the owner's 20 newest messages holding every word of the query; returns how many. */
  int search(UserId owner, String query);

  @Override
  void close();
}
