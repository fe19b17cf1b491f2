-- convostore on PostgreSQL, schema version 6: the unique index of message ids keys the id before
-- the conversation. New ids are time-ordered (UUID version 7), so an append adds to the end of the
-- index instead of to the middle of its conversation's range, whose pages split in half as they
-- fill. The columns, and so the rule, are the same.
ALTER TABLE messages DROP CONSTRAINT messages_client_id;
ALTER TABLE messages ADD CONSTRAINT messages_client_id UNIQUE (id, conversation_id);
