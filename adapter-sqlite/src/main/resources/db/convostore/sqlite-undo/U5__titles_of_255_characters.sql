-- Undoes schema version 5 of convostore on SQLite: titles of up to 200 characters again; longer
-- ones are cut to their first 200 characters.
UPDATE conversations SET title = rtrim(substr(title, 1, 200)) WHERE length(title) > 200;
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'length(title) BETWEEN 1 AND 255', 'length(title) BETWEEN 1 AND 200')
WHERE type = 'table' AND name = 'conversations';
-- RESET ends the editing and makes this connection read the schema again (it may be pooled).
PRAGMA writable_schema = RESET;
-- A change of the schema through DDL makes every other open connection read it again.
CREATE TABLE convostore_schema_changed (changed INTEGER);
DROP TABLE convostore_schema_changed;
