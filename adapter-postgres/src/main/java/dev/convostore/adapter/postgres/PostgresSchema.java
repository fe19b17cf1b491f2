package dev.convostore.adapter.postgres;

import dev.convostore.sql.SchemaVersions;
import java.sql.Statement;
import javax.sql.DataSource;

/** The PostgreSQL schema's migrations and undo scripts, in the connection's current schema. */
final class PostgresSchema {

  static final String LOCATION = "db/convostore/postgres";
  static final String UNDO_LOCATION = "db/convostore/postgres-undo";

  private PostgresSchema() {}

  static SchemaVersions versions(DataSource dataSource) {
    return new SchemaVersions(dataSource, LOCATION, UNDO_LOCATION,
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'conversations'",
        (connection, script) -> {
          try (Statement statement = connection.createStatement()) {
            statement.execute(script); // the driver sends a script of several statements as one
          }
        },
        PostgresErrors::translate);
  }
}
