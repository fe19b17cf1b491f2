-- convostore on SQLite, schema version 6: feedback on messages, one per message, removed with it.
-- The comment has no length check here: on a store that encrypts content it is stored sealed.
CREATE TABLE message_feedback (
  conversation_id BLOB    NOT NULL,
  message_seq     INTEGER NOT NULL,
  rating          REAL    NOT NULL CHECK (rating BETWEEN -1 AND 1),
  label           TEXT             CHECK (label IS NULL OR length(label) BETWEEN 1 AND 100),
  comment         TEXT             CHECK (comment IS NULL OR length(comment) >= 1),
  given_at        INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, message_seq),
  FOREIGN KEY (conversation_id, message_seq) REFERENCES messages (conversation_id, seq) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
