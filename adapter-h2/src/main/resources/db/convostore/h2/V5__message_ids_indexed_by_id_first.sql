-- convostore on H2, schema version 5: the unique index of message ids keys the id before the
-- conversation. New ids are time-ordered (UUID version 7), so an append adds to the end of the
-- index instead of to the middle of its conversation's range. The columns, and so the rule, are
-- the same.
DROP INDEX messages_by_id;
CREATE UNIQUE INDEX messages_by_id ON messages (id, conversation_id);
