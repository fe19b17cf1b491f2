package dev.convostore.adapter.postgres;

import dev.convostore.sql.ConversationMapper;

/** The SQL of {@link ConversationMapper} for PostgreSQL, in PostgresConversationMapper.xml. */
interface PostgresConversationMapper extends ConversationMapper {}
