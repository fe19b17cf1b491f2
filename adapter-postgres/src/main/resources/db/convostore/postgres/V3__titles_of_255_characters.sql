-- convostore on PostgreSQL, schema version 3: titles of up to 255 characters (200 before).
ALTER TABLE conversations DROP CONSTRAINT conversations_title_check;
ALTER TABLE conversations ADD CONSTRAINT conversations_title_check
  CHECK (title IS NULL OR char_length(title) BETWEEN 1 AND 255);
