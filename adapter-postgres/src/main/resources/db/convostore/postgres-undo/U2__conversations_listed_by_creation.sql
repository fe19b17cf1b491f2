-- Undoes schema version 2 of convostore on PostgreSQL: the index of the listing by creation goes.
DROP INDEX conversations_by_owner_creation;
