-- Undoes schema version 5 of convostore on PostgreSQL: the owner's time index keys the conversation
-- and the sequence again.
DROP INDEX messages_by_owner_time;
CREATE INDEX messages_by_owner_time ON messages (owner, created_at DESC, conversation_id DESC, seq DESC);
