package dev.convostore.adapter.sqlite;

import dev.convostore.sql.ConversationMapper;

/** The SQL of {@link ConversationMapper} for SQLite, in SqliteConversationMapper.xml. */
interface SqliteConversationMapper extends ConversationMapper {}
