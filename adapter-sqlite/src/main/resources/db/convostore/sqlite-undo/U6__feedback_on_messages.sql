-- Undoes schema version 6 of convostore on SQLite: the feedback on messages goes.
DROP TABLE message_feedback;
