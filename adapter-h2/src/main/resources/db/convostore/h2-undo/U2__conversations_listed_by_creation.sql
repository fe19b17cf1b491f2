-- Undoes schema version 2 of convostore on H2: the index of the listing by creation goes.
DROP INDEX conversations_by_owner_creation;
