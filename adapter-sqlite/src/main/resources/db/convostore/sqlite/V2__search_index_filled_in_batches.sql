-- convostore on SQLite, schema version 2: the full-text index is filled in batches.
-- Every FTS5 transaction writes a new segment of the index, which made each append write about
-- twice the pages it writes without one. An append now leaves its messages' words in
-- search_pending, under the rowid the message will have in the index; the words go into the index
-- together, in the transaction of an append that completes a batch, and before every search, so
-- that a search finds every message committed before it began.

CREATE TABLE search_pending (
  rowid INTEGER PRIMARY KEY,
  words TEXT    NOT NULL
) STRICT;

-- Words indexed in V1 stay where they are; a message leaves the index or the queue, wherever it is.
DROP TRIGGER messages_leave_search;
CREATE TRIGGER messages_leave_search AFTER DELETE ON messages WHEN old.search_rowid IS NOT NULL
BEGIN
  DELETE FROM message_search WHERE rowid = old.search_rowid
    AND NOT EXISTS (SELECT 1 FROM search_pending WHERE rowid = old.search_rowid);
  DELETE FROM search_pending WHERE rowid = old.search_rowid;
END;
