package dev.convostore.adapter.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the WAL back into the database file off the writers' path. SQLite's automatic checkpoint
 * runs in the commit that fills the WAL to 1,000 pages and syncs the file, so one append in a
 * hundred waited milliseconds for it; the store's own connections turn it off ({@link
 * #TURN_OFF_AUTOMATIC}) and this thread checkpoints, shortly after writes, in PASSIVE mode, which
 * waits for no reader and no writer. What a checkpoint leaves behind (pages a reader still needs,
 * or written meanwhile) the next one copies.
 *
 * <p>SQLite starts the WAL over only when a write finds it wholly copied, which a checkpoint
 * beside writers that never pause never leaves it: the file would grow for good. So when the WAL
 * holds more than {@value #RESTART_PAGES} pages, a second checkpoint copies what was written during
 * the first with the store's writers held back, and the append after it starts the WAL over.
 * Writers that never pause may commit more in one period than the WAL should hold: every
 * {@value #COMMITS_PER_CHECKPOINT} commits also bring a checkpoint forward.
 */
final class WalCheckpointer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

  /** Run on each of the store's own connections as it opens. */
  static final String TURN_OFF_AUTOMATIC = "PRAGMA wal_autocheckpoint = 0";

  /** How soon after a write the WAL is copied back, at most once per period. */
  static final long PERIOD_MILLIS = 100;

  /** The WAL's pages above which a checkpoint holds the writers back to copy it all, as SQLite's own would. */
  static final int RESTART_PAGES = 1_000;

  /** Commits after which a checkpoint runs at once rather than at the end of the period: about {@value #RESTART_PAGES} pages of appends. */
  static final int COMMITS_PER_CHECKPOINT = 100;

  /**
   * How long the checkpoint waits for the writers' turn: an import's transaction may outlast many
   * periods, and a checkpoint that gave up sooner would never find the turn while imports go on.
   */
  private static final long WRITERS_TURN_WAIT_MILLIS = 10_000;

  private final DataSource file;
  private final Lock writers;
  private final AtomicBoolean written = new AtomicBoolean();
  private final AtomicInteger commits = new AtomicInteger();
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread daemon = new Thread(task, "convostore-sqlite-checkpoint");
    daemon.setDaemon(true);
    return daemon;
  });
  private Connection connection;

  /**
   * Checkpoints the file of {@code file}'s connections, over one connection of its own; {@code
   * writers} is what this process's writers hold while they write.
   */
  WalCheckpointer(DataSource file, Lock writers) {
    this.file = file;
    this.writers = writers;
    thread.scheduleWithFixedDelay(this::checkpointIfWritten, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** A write transaction committed: the WAL has pages to copy back. */
  void written() {
    written.set(true);
    if (commits.incrementAndGet() == COMMITS_PER_CHECKPOINT) {
      try {
        thread.execute(this::checkpointIfWritten);
      } catch (RejectedExecutionException closing) {
        // the store is closing, and its last checkpoint copies what was written
      }
    }
  }

  private synchronized void checkpointIfWritten() {
    commits.set(0);
    if (!written.getAndSet(false)) {
      return;
    }
    try {
      if (connection == null) {
        connection = file.getConnection();
      }
      if (!checkpoint() && writers.tryLock(WRITERS_TURN_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        try {
          checkpoint();
        } finally {
          writers.unlock();
        }
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } catch (SQLException | RuntimeException failed) {
      written.set(true); // the next period tries again, over a new connection
      closeConnection();
      LOG.debug("A background WAL checkpoint failed; retrying in {} ms: {}", PERIOD_MILLIS, failed.toString());
    }
  }

  /**
   * Copies what it can; false when the WAL holds more than {@value #RESTART_PAGES} pages, since
   * writers may have added pages while it copied (the count is the WAL's as the copy began).
   */
  private boolean checkpoint() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet pages = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
      return pages.next() && pages.getLong(2) <= RESTART_PAGES;
    }
  }

  /** Stops the thread after a last checkpoint of what was written. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException interrupted) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
    checkpointIfWritten();
    closeConnection();
  }

  private synchronized void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // a connection that cannot close holds nothing this store needs
      }
      connection = null;
    }
  }
}
