-- Undoes schema version 4 of convostore on H2: the feedback on messages goes.
DROP TABLE message_feedback;
