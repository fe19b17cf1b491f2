-- Undoes schema version 3 of convostore on PostgreSQL: titles of up to 200 characters again;
-- longer ones are cut to their first 200 characters.
UPDATE conversations SET title = rtrim(substr(title, 1, 200)) WHERE char_length(title) > 200;
ALTER TABLE conversations DROP CONSTRAINT conversations_title_check;
ALTER TABLE conversations ADD CONSTRAINT conversations_title_check
  CHECK (title IS NULL OR char_length(title) BETWEEN 1 AND 200);
