package dev.convostore.adapter.postgres;

import dev.convostore.application.port.in.RetentionReport;
import dev.convostore.application.port.out.RetentionRepository;
import dev.convostore.domain.ConversationId;
import java.time.Instant;

final class PostgresRetention implements RetentionRepository {

  private final PostgresDatabase database;

  PostgresRetention(PostgresDatabase database) {
    this.database = database;
  }

  @Override
  public RetentionReport deleteIdleSince(Instant cutoff) {
    return database.write(session -> {
      RetentionMapper mapper = session.getMapper(RetentionMapper.class);
      long messages = mapper.countMessagesIdleSince(cutoff);
      long conversations = mapper.deleteIdleSince(cutoff);
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
