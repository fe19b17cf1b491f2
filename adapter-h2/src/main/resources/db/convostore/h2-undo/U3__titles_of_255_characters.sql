-- Undoes schema version 3 of convostore on H2: titles of up to 200 characters again; longer ones
-- are cut to their first 200 characters.
UPDATE conversations SET title = RTRIM(SUBSTRING(title, 1, 200)) WHERE CHAR_LENGTH(title) > 200;
ALTER TABLE conversations ALTER COLUMN title SET DATA TYPE CHARACTER VARYING(200);
