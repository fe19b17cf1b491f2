-- convostore on PostgreSQL, schema version 4: feedback on messages, one per message, removed with it.
-- The comment has no length limit here: on a store that encrypts content it is stored sealed.
CREATE TABLE message_feedback (
  conversation_id uuid             NOT NULL,
  message_seq     bigint           NOT NULL,
  rating          double precision NOT NULL CHECK (rating BETWEEN -1 AND 1),
  label           text                      CHECK (label IS NULL OR char_length(label) BETWEEN 1 AND 100),
  comment         text                      CHECK (comment IS NULL OR char_length(comment) >= 1),
  given_at        timestamptz      NOT NULL,
  CONSTRAINT message_feedback_pkey PRIMARY KEY (conversation_id, message_seq)
);

-- A store already distributed over Citus: the new table joins its conversations' shards first,
-- since a foreign key may only link co-located tables (a store distributed later gets it from
-- convostore.distribute=citus or the statements in the scale-out guide).
DO $$
BEGIN
  IF to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition WHERE logicalrelid = to_regclass('messages')) THEN
      PERFORM create_distributed_table('message_feedback', 'conversation_id', colocate_with => 'conversations');
    END IF;
  END IF;
END
$$;

ALTER TABLE message_feedback ADD CONSTRAINT message_feedback_message
  FOREIGN KEY (conversation_id, message_seq) REFERENCES messages (conversation_id, seq) ON DELETE CASCADE;
