-- convostore on SQLite, schema version 8: the unique index of message ids keys the id before the
-- conversation. New ids are time-ordered (UUID version 7), so an append adds to the end of the
-- index instead of to the middle of its conversation's range, whose pages SQLite rebalances with
-- their neighbours as they fill: an append writes fewer pages. The columns, and so the rule, are
-- the same.
DROP INDEX messages_by_id;
CREATE UNIQUE INDEX messages_by_id ON messages (id, conversation_id);
