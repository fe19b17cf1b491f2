-- Undoes schema version 6 of convostore on PostgreSQL: the unique index of message ids keys the
-- conversation first again, and a message's words are a tsvector column again.
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

ALTER TABLE messages DROP CONSTRAINT messages_client_id;
ALTER TABLE messages ADD CONSTRAINT messages_client_id UNIQUE (conversation_id, id);

DROP INDEX messages_search;
ALTER TABLE messages ADD COLUMN search tsvector;
ALTER TABLE messages ALTER COLUMN words DROP NOT NULL;
UPDATE messages SET search = array_to_tsvector(string_to_array(words, ' ')), words = NULL;
ALTER TABLE messages ALTER COLUMN search SET NOT NULL;
ALTER TABLE messages DROP COLUMN words;
CREATE INDEX messages_search ON messages USING gin (search);
