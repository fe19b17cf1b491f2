-- convostore on H2, schema version 4: feedback on messages, one per message, removed with it.
-- The comment has no length limit here: on a store that encrypts content it is stored sealed.
CREATE TABLE message_feedback (
  conversation_id UUID                        NOT NULL,
  message_seq     BIGINT                      NOT NULL,
  rating          DOUBLE PRECISION            NOT NULL CHECK (rating BETWEEN -1 AND 1),
  label           CHARACTER VARYING(100)               CHECK (label IS NULL OR char_length(label) >= 1),
  comment         CHARACTER VARYING                    CHECK (comment IS NULL OR char_length(comment) >= 1),
  given_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  PRIMARY KEY (conversation_id, message_seq),
  FOREIGN KEY (conversation_id, message_seq) REFERENCES messages (conversation_id, seq) ON DELETE CASCADE
);
