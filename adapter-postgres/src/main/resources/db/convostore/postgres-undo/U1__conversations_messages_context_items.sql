-- Undoes schema version 1 of convostore on PostgreSQL: removes every convostore table.
DROP TABLE context_items;
DROP TABLE messages;
DROP TABLE agent_states;
DROP TABLE conversations;
