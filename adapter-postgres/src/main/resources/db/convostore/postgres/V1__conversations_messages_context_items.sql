-- convostore on PostgreSQL, schema version 1. Plain SQL: a host may run it with its own tool.
-- Every primary, unique and foreign key of a conversation's rows includes the conversation id,
-- and no table uses a sequence, so the tables can be distributed by conversation (see README).
-- JSON is jsonb (NULL for an empty object); names of roles, kinds and outcomes are lowercase;
-- the CHECK constraints mirror the domain's invariants.

CREATE TABLE conversations (
  id            uuid        NOT NULL,
  owner         text        NOT NULL CHECK (char_length(owner) BETWEEN 1 AND 255),
  title         text                 CHECK (title IS NULL OR char_length(title) BETWEEN 1 AND 200),
  active        boolean     NOT NULL,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  message_count bigint      NOT NULL CHECK (message_count >= 0),
  last_seq      bigint      NOT NULL,
  metadata      jsonb                CHECK (metadata IS NULL OR jsonb_typeof(metadata) = 'object'),
  version       bigint      NOT NULL CHECK (version >= 1),
  CONSTRAINT conversations_pkey PRIMARY KEY (id),
  CHECK (updated_at >= created_at),
  CHECK (last_seq >= message_count)
);

-- Listing: a user's conversations, most recent activity first.
CREATE INDEX conversations_by_owner_activity ON conversations (owner, updated_at DESC, id DESC);
-- Retention: conversations idle since a cutoff, across users.
CREATE INDEX conversations_by_activity ON conversations (updated_at);

CREATE TABLE agent_states (
  conversation_id  uuid   NOT NULL,
  step_count       bigint NOT NULL CHECK (step_count >= 0),
  focus_areas      jsonb  NOT NULL CHECK (jsonb_typeof(focus_areas) = 'array' AND jsonb_array_length(focus_areas) <= 100),
  last_user_input  text,
  last_tool_result jsonb,
  CONSTRAINT agent_states_pkey PRIMARY KEY (conversation_id),
  CONSTRAINT agent_states_conversation FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE
);

CREATE TABLE messages (
  conversation_id uuid        NOT NULL,
  seq             bigint      NOT NULL CHECK (seq >= 1),
  id              uuid        NOT NULL,
  owner           text        NOT NULL CHECK (char_length(owner) BETWEEN 1 AND 255),
  role            text        NOT NULL CHECK (role IN ('user', 'assistant', 'system', 'tool')),
  kind            text        NOT NULL CHECK (kind IN ('text', 'tool_call', 'tool_result', 'error')),
  content         text        NOT NULL,
  tool_calls      jsonb                CHECK (tool_calls IS NULL
                                              OR (jsonb_typeof(tool_calls) = 'array' AND jsonb_array_length(tool_calls) > 0)),
  tool_result     jsonb                CHECK (tool_result IS NULL OR jsonb_typeof(tool_result) = 'object'),
  created_at      timestamptz NOT NULL,
  metadata        jsonb                CHECK (metadata IS NULL OR jsonb_typeof(metadata) = 'object'),
  -- The message's words as the application splits them (runs of letters, marks and digits,
  -- lowercased), one lexeme each: search then finds the same messages on every adapter.
  search          tsvector    NOT NULL,
  CONSTRAINT messages_pkey PRIMARY KEY (conversation_id, seq),
  -- Idempotent appends: a client-chosen message id is unique within its conversation.
  CONSTRAINT messages_client_id UNIQUE (conversation_id, id),
  CONSTRAINT messages_conversation FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE,
  CHECK ((kind = 'tool_call') = (tool_calls IS NOT NULL)),
  CHECK (kind <> 'tool_call' OR role = 'assistant'),
  CHECK ((kind = 'tool_result') = (tool_result IS NOT NULL)),
  CHECK ((kind = 'tool_result') = (role = 'tool'))
);

-- Recent activity of a user across conversations (owner is the conversation's, copied).
CREATE INDEX messages_by_owner_time ON messages (owner, created_at DESC, conversation_id DESC, seq DESC);
-- Full-text search.
CREATE INDEX messages_search ON messages USING gin (search);

CREATE TABLE context_items (
  conversation_id uuid             NOT NULL,
  id              uuid             NOT NULL,
  source          text             NOT NULL CHECK (source ~ '^[a-z0-9_.-]{1,64}$'),
  content         text             NOT NULL,
  relevance       double precision NOT NULL CHECK (relevance BETWEEN 0 AND 1),
  context_type    text                      CHECK (context_type IS NULL OR char_length(context_type) BETWEEN 1 AND 100),
  original_role   text                      CHECK (original_role IS NULL
                                                   OR original_role IN ('user', 'assistant', 'system', 'tool')),
  focus_area      text                      CHECK (focus_area IS NULL OR char_length(focus_area) BETWEEN 1 AND 200),
  preference_type text                      CHECK (preference_type IS NULL OR char_length(preference_type) BETWEEN 1 AND 100),
  created_at      timestamptz      NOT NULL,
  metadata        jsonb                     CHECK (metadata IS NULL OR jsonb_typeof(metadata) = 'object'),
  CONSTRAINT context_items_pkey PRIMARY KEY (conversation_id, id),
  CONSTRAINT context_items_conversation FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE
);
