-- Undoes schema version 6 of convostore on PostgreSQL: the unique index of message ids keys the
-- conversation first again.
ALTER TABLE messages DROP CONSTRAINT messages_client_id;
ALTER TABLE messages ADD CONSTRAINT messages_client_id UNIQUE (conversation_id, id);
