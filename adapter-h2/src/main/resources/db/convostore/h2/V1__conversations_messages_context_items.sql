-- convostore on H2, schema version 1.
-- Ids are UUID, instants TIMESTAMP WITH TIME ZONE in UTC (microseconds), JSON canonical text
-- (NULL for an empty object). Names of roles, kinds and outcomes are lowercase. The CHECK
-- constraints mirror the domain's invariants, so a row the application would refuse cannot be stored.

CREATE TABLE conversations (
  id            UUID                        NOT NULL PRIMARY KEY,
  owner         CHARACTER VARYING(255)      NOT NULL CHECK (CHAR_LENGTH(owner) >= 1),
  title         CHARACTER VARYING(200)               CHECK (title IS NULL OR CHAR_LENGTH(title) >= 1),
  active        BOOLEAN                     NOT NULL,
  created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  message_count BIGINT                      NOT NULL CHECK (message_count >= 0),
  last_seq      BIGINT                      NOT NULL,
  metadata      CHARACTER VARYING                    CHECK (metadata IS NULL OR metadata LIKE '{%}'),
  version       BIGINT                      NOT NULL CHECK (version >= 1),
  CHECK (updated_at >= created_at),
  CHECK (last_seq >= message_count)
);

-- Listing: a user's conversations, most recent activity first.
CREATE INDEX conversations_by_owner_activity ON conversations (owner DESC, updated_at DESC, id DESC);
-- Retention: conversations idle since a cutoff, across users.
CREATE INDEX conversations_by_activity ON conversations (updated_at);

CREATE TABLE agent_states (
  conversation_id  UUID              NOT NULL PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
  step_count       BIGINT            NOT NULL CHECK (step_count >= 0),
  focus_areas      CHARACTER VARYING NOT NULL CHECK (focus_areas LIKE '[%]'),
  last_user_input  CHARACTER VARYING,
  last_tool_result CHARACTER VARYING
);

-- A history window is one range of the primary key.
CREATE TABLE messages (
  conversation_id UUID                        NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  seq             BIGINT                      NOT NULL CHECK (seq >= 1),
  id              UUID                        NOT NULL,
  owner           CHARACTER VARYING(255)      NOT NULL CHECK (CHAR_LENGTH(owner) >= 1),
  role            CHARACTER VARYING(16)       NOT NULL CHECK (role IN ('user', 'assistant', 'system', 'tool')),
  kind            CHARACTER VARYING(16)       NOT NULL CHECK (kind IN ('text', 'tool_call', 'tool_result', 'error')),
  content         CHARACTER VARYING           NOT NULL,
  tool_calls      CHARACTER VARYING                    CHECK (tool_calls IS NULL OR tool_calls LIKE '[{%}]'),
  tool_result     CHARACTER VARYING                    CHECK (tool_result IS NULL OR tool_result LIKE '{%}'),
  created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  metadata        CHARACTER VARYING                    CHECK (metadata IS NULL OR metadata LIKE '{%}'),
  PRIMARY KEY (conversation_id, seq),
  CHECK ((kind = 'tool_call') = (tool_calls IS NOT NULL)),
  CHECK (kind <> 'tool_call' OR role = 'assistant'),
  CHECK ((kind = 'tool_result') = (tool_result IS NOT NULL)),
  CHECK ((kind = 'tool_result') = (role = 'tool'))
);

-- Idempotent appends: a client-chosen message id is unique within its conversation.
CREATE UNIQUE INDEX messages_by_id ON messages (conversation_id, id);
-- Recent activity of a user across conversations (owner is the conversation's, copied).
CREATE INDEX messages_by_owner_time ON messages (owner DESC, created_at DESC, conversation_id DESC, seq DESC);

-- Search: each distinct word of a message as the application splits them (runs of letters, marks
-- and digits, lowercased), with the message's owner: a search reads only the asking user's entries
-- for its first word, and finds the same messages as every other store.
CREATE TABLE message_words (
  conversation_id UUID                   NOT NULL,
  seq             BIGINT                 NOT NULL,
  word            CHARACTER VARYING      NOT NULL,
  owner           CHARACTER VARYING(255) NOT NULL,
  PRIMARY KEY (conversation_id, seq, word),
  FOREIGN KEY (conversation_id, seq) REFERENCES messages (conversation_id, seq) ON DELETE CASCADE
);

CREATE INDEX message_words_by_owner ON message_words (owner, word);

CREATE TABLE context_items (
  conversation_id UUID                        NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  id              UUID                        NOT NULL,
  source          CHARACTER VARYING(64)       NOT NULL CHECK (REGEXP_LIKE(source, '^[a-z0-9_.-]{1,64}$')),
  content         CHARACTER VARYING           NOT NULL,
  relevance       DOUBLE PRECISION            NOT NULL CHECK (relevance BETWEEN 0 AND 1),
  context_type    CHARACTER VARYING(100)               CHECK (context_type IS NULL OR CHAR_LENGTH(context_type) >= 1),
  original_role   CHARACTER VARYING(16)                CHECK (original_role IS NULL
                                                              OR original_role IN ('user', 'assistant', 'system', 'tool')),
  focus_area      CHARACTER VARYING(200)               CHECK (focus_area IS NULL OR CHAR_LENGTH(focus_area) >= 1),
  preference_type CHARACTER VARYING(100)               CHECK (preference_type IS NULL OR CHAR_LENGTH(preference_type) >= 1),
  created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  metadata        CHARACTER VARYING                    CHECK (metadata IS NULL OR metadata LIKE '{%}'),
  PRIMARY KEY (conversation_id, id)
);
