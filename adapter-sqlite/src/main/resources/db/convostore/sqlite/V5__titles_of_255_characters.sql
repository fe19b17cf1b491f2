-- convostore on SQLite, schema version 5: titles of up to 255 characters (200 before).
-- Only a CHECK constraint becomes looser, which every stored row already meets, so the table's
-- definition is edited in place, as SQLite documents for such changes, instead of copying the table.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'length(title) BETWEEN 1 AND 200', 'length(title) BETWEEN 1 AND 255')
WHERE type = 'table' AND name = 'conversations';
-- RESET ends the editing and makes this connection read the schema again (it may be pooled).
PRAGMA writable_schema = RESET;
-- A change of the schema through DDL makes every other open connection read it again.
CREATE TABLE convostore_schema_changed (changed INTEGER);
DROP TABLE convostore_schema_changed;
