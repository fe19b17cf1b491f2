-- Undoes schema version 3 of convostore on SQLite: the index is rebuilt with the bare words.
INSERT INTO message_search (message_search) VALUES ('delete-all');
DELETE FROM search_pending;
INSERT INTO message_search (rowid, words)
  SELECT search_rowid, convostore_search_words(NULL, content) FROM messages WHERE search_rowid IS NOT NULL;
