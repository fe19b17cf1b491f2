-- convostore on PostgreSQL, schema version 6: smaller messages.
--
-- The unique index of message ids keys the id first. New ids are time-ordered (UUID version 7),
-- so an append adds to the end of the index instead of to the middle of its conversation's range,
-- whose pages split in half as they fill. The columns, and so the rule, are the same.
--
-- A message's words are kept as text (each word once, joined by spaces) instead of as a tsvector,
-- which spends four bytes more on every word; the full-text index holds the tsvector they make,
-- and search asks it with the same expression.
--
-- Rows rewritten here leave their old versions to VACUUM, which makes the space reusable.
-- On Citus, the statements run shard after shard: DDL may not follow a parallel update of the
-- same table in one transaction (a setting that plain PostgreSQL keeps and ignores).
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

ALTER TABLE messages DROP CONSTRAINT messages_client_id;
ALTER TABLE messages ADD CONSTRAINT messages_client_id UNIQUE (id, conversation_id);

DROP INDEX messages_search;
ALTER TABLE messages ADD COLUMN words text;
ALTER TABLE messages ALTER COLUMN search DROP NOT NULL;
UPDATE messages SET words = array_to_string(tsvector_to_array(search), ' '), search = NULL;
ALTER TABLE messages ALTER COLUMN words SET NOT NULL;
ALTER TABLE messages DROP COLUMN search;
CREATE INDEX messages_search ON messages USING gin (array_to_tsvector(string_to_array(words, ' ')));
