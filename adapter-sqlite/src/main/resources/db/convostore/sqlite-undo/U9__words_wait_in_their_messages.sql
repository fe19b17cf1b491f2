-- Undoes schema version 9 of convostore on SQLite: the words that wait for the full-text index
-- are queued in search_pending again, read from their messages with convostore_search_words.
DROP TRIGGER messages_leave_search;
CREATE TABLE search_pending (
  rowid INTEGER PRIMARY KEY,
  words TEXT    NOT NULL
) STRICT;
INSERT INTO search_pending (rowid, words)
  SELECT search_rowid, convostore_search_words(owner, content) FROM messages
  WHERE search_rowid > (SELECT indexed_through FROM search_progress);
DROP TABLE search_progress;
CREATE TRIGGER messages_leave_search AFTER DELETE ON messages WHEN old.search_rowid IS NOT NULL
BEGIN
  DELETE FROM message_search WHERE rowid = old.search_rowid
    AND NOT EXISTS (SELECT 1 FROM search_pending WHERE rowid = old.search_rowid);
  DELETE FROM search_pending WHERE rowid = old.search_rowid;
END;
