-- Undoes schema version 4 of convostore on PostgreSQL: the feedback on messages goes.
DROP TABLE message_feedback;
