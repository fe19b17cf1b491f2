-- convostore on H2, schema version 3: titles of up to 255 characters (200 before).
ALTER TABLE conversations ALTER COLUMN title SET DATA TYPE CHARACTER VARYING(255);
