package dev.convostore.sql;

import dev.convostore.application.port.out.RetentionRepository;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.RetentionReport;
import java.time.Instant;

/** Bulk removal in a SQL database, through the adapter's mappers. */
public final class SqlRetention implements RetentionRepository {

  private final SqlDatabase database;

  /** Retention over the adapter's database. */
  public SqlRetention(SqlDatabase database) {
    this.database = database;
  }

  @Override
  public RetentionReport deleteIdleSince(Instant cutoff, boolean onlyInactive) {
    return database.write(session -> {
      RetentionMapper mapper = session.getMapper(RetentionMapper.class);
      long messages = mapper.countMessagesIdleSince(cutoff, onlyInactive);
      long conversations = mapper.deleteIdleSince(cutoff, onlyInactive);
      return new RetentionReport(conversations, 0, messages);
    });
  }

  @Override
  public RetentionReport deactivateIdleSince(Instant cutoff) {
    return database.write(session ->
        new RetentionReport(0, session.getMapper(RetentionMapper.class).deactivateIdleSince(cutoff), 0));
  }

  @Override
  public RetentionReport trimMessages(int keep) {
    return database.write(session -> {
      RetentionMapper mapper = session.getMapper(RetentionMapper.class);
      long removed = 0;
      for (ConversationId id : mapper.holdingMoreThan(keep)) {
        int trimmed = mapper.trim(id, keep);
        mapper.lowerCount(id, trimmed);
        removed += trimmed;
      }
      return new RetentionReport(0, 0, removed);
    });
  }
}
