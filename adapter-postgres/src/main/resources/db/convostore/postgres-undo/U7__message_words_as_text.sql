-- Undoes version 7: the words go back to a tsvector column with its GIN index.
DROP INDEX messages_search;
ALTER TABLE messages RENAME COLUMN words TO search;
ALTER TABLE messages ALTER COLUMN search TYPE tsvector USING array_to_tsvector(string_to_array(search, ' '));
CREATE INDEX messages_search ON messages USING gin (search);
