-- Undoes schema version 7 of convostore on SQLite: the index from search rowids to messages holds
-- the rowid alone again, unique.
DROP INDEX messages_by_search_rowid;
CREATE UNIQUE INDEX messages_by_search_rowid ON messages (search_rowid) WHERE search_rowid IS NOT NULL;
