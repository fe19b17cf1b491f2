package dev.convostore.application.contract;

import java.util.List;

/** Text chosen to break stores that build SQL, search expressions or JSON paths from input. */
final class HostileText {

  private HostileText() {}

  /** SQL injection, FTS5 and tsquery syntax, MyBatis and JDBC placeholders, LIKE wildcards, JSON paths. */
  static final List<String> SQL_INJECTION = List.of(
      "'; DROP TABLE conversations; --",
      "Robert'); DROP TABLE messages;--",
      "' OR '1'='1",
      "\" OR \"\"=\"",
      "') OR 1=1 --",
      "1; DELETE FROM messages",
      "x' AND 1=(SELECT COUNT(*) FROM sqlite_master) AND 'x'='x",
      "' UNION SELECT id, owner, title FROM conversations --",
      "' || (SELECT sqlite_version()) || '",
      "'; ATTACH DATABASE '/tmp/convostore-injected.db' AS x; --",
      "'; PRAGMA writable_schema = 1; --",
      "\"; VACUUM INTO '/tmp/convostore-leak.db'; --",
      "'; COPY messages TO '/tmp/convostore-leak'; --",
      "'; SELECT pg_sleep(10); --",
      "$$; DROP TABLE messages; $$",
      "E'\\\\x27' OR TRUE",
      "*/ DROP TABLE conversations; /*",
      "-- a comment",
      "';\nDROP TABLE conversations;\n--",
      "%' OR owner LIKE '%",
      "100% _match_ \\",
      "$1 ? ?? :name #{content} ${content}",
      "NEAR(alpha beta) OR gamma* AND NOT delta",
      "\"unbalanced quote",
      "content:secret ^start {col1 col2}: x",
      "alpha & !beta | gamma <-> delta:*",
      "'::jsonb || '{\"owner\":\"bob\"}",
      "{\"$gt\": \"\"}",
      "metadata->>'owner' = 'bob'",
      "$.owner[*] ? (@ == \"bob\")",
      "@@ to_tsquery('simple', 'x')",
      "\\'; DROP TABLE context_items; --",
      "0x27; SHUTDOWN; --",
      "ʼ OR ʼ1ʼ=ʼ1",
      "'; INSERT INTO conversations(id) VALUES ('x'); --");
}
