-- Undoes schema version 8 of convostore on SQLite: the unique index of message ids keys the
-- conversation first again.
DROP INDEX messages_by_id;
CREATE UNIQUE INDEX messages_by_id ON messages (conversation_id, id);
