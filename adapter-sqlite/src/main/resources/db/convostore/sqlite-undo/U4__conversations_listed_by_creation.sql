-- Undoes schema version 4 of convostore on SQLite: the index of the listing by creation goes.
DROP INDEX conversations_by_owner_creation;
