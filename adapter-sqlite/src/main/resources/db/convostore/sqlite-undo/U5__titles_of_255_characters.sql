-- Undoes schema version 5 of convostore on SQLite: titles of up to 200 characters again; longer
-- ones are cut to their first 200 characters.
UPDATE conversations SET title = rtrim(substr(title, 1, 200)) WHERE length(title) > 200;
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'length(title) BETWEEN 1 AND 255', 'length(title) BETWEEN 1 AND 200')
WHERE type = 'table' AND name = 'conversations';
PRAGMA writable_schema = OFF;
CREATE TABLE convostore_schema_changed (changed INTEGER);
DROP TABLE convostore_schema_changed;
