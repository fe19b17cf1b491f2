-- convostore on SQLite, schema version 3: the full-text index holds each word prefixed by a tag of
-- its message's owner, so that a search reads the asking user's entries for a word, not every
-- user's (see SqliteSearchWords). The index is rebuilt from the messages, whose words
-- convostore_search_words(owner, content) reads as the application does: convostore defines that
-- function on the connections that migrate, so this script runs through convostore (on open, or
-- the command-line tool's migrate), not through another Flyway. It takes about as long as
-- importing the messages' words again.

INSERT INTO message_search (message_search) VALUES ('delete-all');
DELETE FROM search_pending;
INSERT INTO message_search (rowid, words)
  SELECT search_rowid, convostore_search_words(owner, content) FROM messages WHERE search_rowid IS NOT NULL;
