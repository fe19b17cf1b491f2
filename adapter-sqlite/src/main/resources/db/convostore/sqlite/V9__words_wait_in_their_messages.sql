-- convostore on SQLite, schema version 9: the words that wait for the full-text index wait in
-- their messages. Version 2 queued each message's terms in search_pending, written by the append
-- beside the message; now the messages above the index's last search rowid (search_progress) are
-- the queue, and filling the index reads their terms with convostore_search_words(owner, content),
-- the function convostore defines on its connections (so this script runs through convostore).
-- An append writes one row and runs one statement fewer.

INSERT INTO message_search (rowid, words) SELECT rowid, words FROM search_pending;

CREATE TABLE search_progress (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  indexed_through  INTEGER NOT NULL CHECK (indexed_through >= 0)
) STRICT;
INSERT INTO search_progress (id, indexed_through)
  VALUES (1, coalesce((SELECT max(search_rowid) FROM messages WHERE search_rowid IS NOT NULL), 0));

-- A message leaves the index when its words are in it; waiting words leave with their message.
DROP TRIGGER messages_leave_search;
DROP TABLE search_pending;
CREATE TRIGGER messages_leave_search AFTER DELETE ON messages
  WHEN old.search_rowid IS NOT NULL AND old.search_rowid <= (SELECT indexed_through FROM search_progress)
BEGIN
  DELETE FROM message_search WHERE rowid = old.search_rowid;
END;
