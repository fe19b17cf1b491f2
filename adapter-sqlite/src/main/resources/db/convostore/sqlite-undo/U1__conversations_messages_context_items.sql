-- Undoes schema version 1 of convostore on SQLite: removes every convostore table.
DROP TABLE context_items;
DROP TRIGGER messages_leave_search;
DROP TABLE message_search;
DROP TABLE messages;
DROP TABLE agent_states;
DROP TABLE conversations;
