-- Undoes schema version 2 of convostore on SQLite: the words waiting in the queue go into the
-- full-text index, and each message enters the index as it is appended again.
INSERT INTO message_search (rowid, words) SELECT rowid, words FROM search_pending;
DROP TRIGGER messages_leave_search;
DROP TABLE search_pending;
CREATE TRIGGER messages_leave_search AFTER DELETE ON messages WHEN old.search_rowid IS NOT NULL
BEGIN
  DELETE FROM message_search WHERE rowid = old.search_rowid;
END;
