-- convostore on SQLite, schema version 1.
-- Ids are 16-byte UUIDs (BLOB), instants are microseconds since 1970-01-01 UTC (INTEGER), JSON
-- is canonical text (NULL for an empty object). Names of roles, kinds and outcomes are lowercase. The CHECK constraints
-- mirror the domain's invariants, so a row the application would refuse cannot be stored.

CREATE TABLE conversations (
  id            BLOB    NOT NULL PRIMARY KEY CHECK (length(id) = 16),
  owner         TEXT    NOT NULL CHECK (length(owner) BETWEEN 1 AND 255),
  title         TEXT             CHECK (title IS NULL OR length(title) BETWEEN 1 AND 200),
  active        INTEGER NOT NULL CHECK (active IN (0, 1)),
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL CHECK (updated_at >= created_at),
  message_count INTEGER NOT NULL CHECK (message_count >= 0),
  last_seq      INTEGER NOT NULL CHECK (last_seq >= message_count),
  metadata      TEXT             CHECK (metadata IS NULL OR (json_valid(metadata) AND json_type(metadata) = 'object')),
  version       INTEGER NOT NULL CHECK (version >= 1)
) STRICT;

-- Listing: a user's conversations, most recent activity first.
CREATE INDEX conversations_by_owner_activity ON conversations (owner, updated_at, id);
-- Retention: conversations idle since a cutoff, across users.
CREATE INDEX conversations_by_activity ON conversations (updated_at);

CREATE TABLE agent_states (
  conversation_id  BLOB    NOT NULL PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
  step_count       INTEGER NOT NULL CHECK (step_count >= 0),
  focus_areas      TEXT    NOT NULL CHECK (json_valid(focus_areas) AND json_type(focus_areas) = 'array'
                                           AND json_array_length(focus_areas) <= 100),
  last_user_input  TEXT,
  last_tool_result TEXT             CHECK (last_tool_result IS NULL OR json_valid(last_tool_result))
) STRICT;

-- Messages are clustered by (conversation, sequence): a history window is one range read.
CREATE TABLE messages (
  conversation_id BLOB    NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL CHECK (seq >= 1),
  id              BLOB    NOT NULL CHECK (length(id) = 16),
  owner           TEXT    NOT NULL CHECK (length(owner) BETWEEN 1 AND 255),
  role            TEXT    NOT NULL CHECK (role IN ('user', 'assistant', 'system', 'tool')),
  kind            TEXT    NOT NULL CHECK (kind IN ('text', 'tool_call', 'tool_result', 'error')),
  content         TEXT    NOT NULL,
  tool_calls      TEXT             CHECK (tool_calls IS NULL OR (json_valid(tool_calls)
                                          AND json_type(tool_calls) = 'array' AND json_array_length(tool_calls) > 0)),
  tool_result     TEXT             CHECK (tool_result IS NULL OR (json_valid(tool_result)
                                          AND json_type(tool_result) = 'object')),
  created_at      INTEGER NOT NULL,
  metadata        TEXT             CHECK (metadata IS NULL OR (json_valid(metadata) AND json_type(metadata) = 'object')),
  search_rowid    INTEGER,
  CHECK ((kind = 'tool_call') = (tool_calls IS NOT NULL)),
  CHECK (kind <> 'tool_call' OR role = 'assistant'),
  CHECK ((kind = 'tool_result') = (tool_result IS NOT NULL)),
  CHECK ((kind = 'tool_result') = (role = 'tool')),
  PRIMARY KEY (conversation_id, seq)
) STRICT, WITHOUT ROWID;

-- Idempotent appends: a client-chosen message id is unique within its conversation.
CREATE UNIQUE INDEX messages_by_id ON messages (conversation_id, id);
-- Recent activity of a user across conversations (owner is the conversation's, copied).
CREATE INDEX messages_by_owner_time ON messages (owner, created_at, conversation_id, seq);
-- Search hits lead back to their message.
CREATE UNIQUE INDEX messages_by_search_rowid ON messages (search_rowid) WHERE search_rowid IS NOT NULL;

-- The words of each message, as the application tokenizes them, joined by spaces: the ascii
-- tokenizer then splits exactly there, so search finds the same words on every adapter.
CREATE VIRTUAL TABLE message_search USING fts5 (words, content = '', contentless_delete = 1, tokenize = 'ascii');

CREATE TRIGGER messages_leave_search AFTER DELETE ON messages WHEN old.search_rowid IS NOT NULL
BEGIN
  DELETE FROM message_search WHERE rowid = old.search_rowid;
END;

CREATE TABLE context_items (
  conversation_id BLOB    NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  id              BLOB    NOT NULL CHECK (length(id) = 16),
  source          TEXT    NOT NULL CHECK (length(source) BETWEEN 1 AND 64),
  content         TEXT    NOT NULL,
  relevance       REAL    NOT NULL CHECK (relevance BETWEEN 0.0 AND 1.0),
  context_type    TEXT             CHECK (context_type IS NULL OR length(context_type) BETWEEN 1 AND 100),
  original_role   TEXT             CHECK (original_role IS NULL OR original_role IN ('user', 'assistant', 'system', 'tool')),
  focus_area      TEXT             CHECK (focus_area IS NULL OR length(focus_area) BETWEEN 1 AND 200),
  preference_type TEXT             CHECK (preference_type IS NULL OR length(preference_type) BETWEEN 1 AND 100),
  created_at      INTEGER NOT NULL,
  metadata        TEXT             CHECK (metadata IS NULL OR (json_valid(metadata) AND json_type(metadata) = 'object')),
  PRIMARY KEY (conversation_id, id)
) STRICT, WITHOUT ROWID;
