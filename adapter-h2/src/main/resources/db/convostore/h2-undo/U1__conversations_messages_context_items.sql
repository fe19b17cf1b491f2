-- Undoes schema version 1 of convostore on H2: removes every convostore table.
DROP TABLE context_items;
DROP TABLE message_words;
DROP TABLE messages;
DROP TABLE agent_states;
DROP TABLE conversations;
