package dev.convostore.adapter.h2;

import dev.convostore.sql.SchemaVersions;
import java.sql.Statement;
import javax.sql.DataSource;

/** The H2 schema's migrations and undo scripts. */
final class H2Schema {

  static final String LOCATION = "db/convostore/h2";
  static final String UNDO_LOCATION = "db/convostore/h2-undo";

  private H2Schema() {}

  static SchemaVersions versions(DataSource dataSource) {
    return new SchemaVersions(dataSource, LOCATION, UNDO_LOCATION,
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema AND table_name = 'CONVERSATIONS'",
        (connection, script) -> {
          try (Statement statement = connection.createStatement()) {
            statement.execute(script); // H2 runs a script of several statements as one
          }
        },
        H2Errors::translate);
  }
}
