-- A comment, then statements of each shape an undo script may hold.
DROP TABLE a;

CREATE TRIGGER t AFTER DELETE ON b
BEGIN
  DELETE FROM c WHERE id = old.id;
  DELETE FROM d;
END;
DROP INDEX e;
