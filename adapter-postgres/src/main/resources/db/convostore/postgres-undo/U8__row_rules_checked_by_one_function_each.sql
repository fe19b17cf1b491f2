-- Undoes version 8: each rule of a conversation row and of a message row is its own CHECK again,
-- under the name it had (each ADD CONSTRAINT a statement of its own, as Citus requires of a
-- distributed table).

-- On Citus a function may not be dropped after DDL that ran over the shards in parallel in the same
-- transaction: this one's runs shard after shard.
DO $$
BEGIN
  IF to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
    SET LOCAL citus.multi_shard_modify_mode TO 'sequential';
  END IF;
END
$$;

ALTER TABLE conversations DROP CONSTRAINT conversations_rules;
ALTER TABLE conversations ADD CONSTRAINT conversations_owner_check CHECK (char_length(owner) BETWEEN 1 AND 255);
ALTER TABLE conversations ADD CONSTRAINT conversations_title_check
  CHECK (title IS NULL OR char_length(title) BETWEEN 1 AND 255);
ALTER TABLE conversations ADD CONSTRAINT conversations_message_count_check CHECK (message_count >= 0);
ALTER TABLE conversations ADD CONSTRAINT conversations_metadata_check
  CHECK (metadata IS NULL OR jsonb_typeof(metadata) = 'object');
ALTER TABLE conversations ADD CONSTRAINT conversations_version_check CHECK (version >= 1);
ALTER TABLE conversations ADD CONSTRAINT conversations_check CHECK (updated_at >= created_at);
ALTER TABLE conversations ADD CONSTRAINT conversations_check1 CHECK (last_seq >= message_count);

ALTER TABLE messages DROP CONSTRAINT messages_rules;
ALTER TABLE messages ADD CONSTRAINT messages_seq_check CHECK (seq >= 1);
ALTER TABLE messages ADD CONSTRAINT messages_owner_check CHECK (char_length(owner) BETWEEN 1 AND 255);
ALTER TABLE messages ADD CONSTRAINT messages_role_check CHECK (role IN ('user', 'assistant', 'system', 'tool'));
ALTER TABLE messages ADD CONSTRAINT messages_kind_check CHECK (kind IN ('text', 'tool_call', 'tool_result', 'error'));
ALTER TABLE messages ADD CONSTRAINT messages_tool_calls_check
  CHECK (tool_calls IS NULL OR (jsonb_typeof(tool_calls) = 'array' AND jsonb_array_length(tool_calls) > 0));
ALTER TABLE messages ADD CONSTRAINT messages_tool_result_check
  CHECK (tool_result IS NULL OR jsonb_typeof(tool_result) = 'object');
ALTER TABLE messages ADD CONSTRAINT messages_metadata_check CHECK (metadata IS NULL OR jsonb_typeof(metadata) = 'object');
ALTER TABLE messages ADD CONSTRAINT messages_check CHECK ((kind = 'tool_call') = (tool_calls IS NOT NULL));
ALTER TABLE messages ADD CONSTRAINT messages_check1 CHECK (kind <> 'tool_call' OR role = 'assistant');
ALTER TABLE messages ADD CONSTRAINT messages_check2 CHECK ((kind = 'tool_result') = (tool_result IS NOT NULL));
ALTER TABLE messages ADD CONSTRAINT messages_check3 CHECK ((kind = 'tool_result') = (role = 'tool'));

DROP FUNCTION message_rules_hold(bigint, text, text, text, jsonb, jsonb, jsonb);
DROP FUNCTION conversation_rules_hold(text, text, timestamptz, timestamptz, bigint, bigint, jsonb, bigint);
