-- convostore on PostgreSQL, schema version 7: a message's words are kept as text (each word once,
-- separated by spaces) instead of a tsvector, which spends four more bytes on each word. The GIN
-- index holds the same lexemes, built from the text; a search that reads a user's newest messages
-- instead looks for the words in each one's text first, which is cheap, before building the vector.
DROP INDEX messages_search;
ALTER TABLE messages ALTER COLUMN search TYPE text USING array_to_string(tsvector_to_array(search), ' ');
ALTER TABLE messages RENAME COLUMN search TO words;
CREATE INDEX messages_search ON messages USING gin (array_to_tsvector(string_to_array(words, ' ')));
