package dev.convostore.adapter.sqlite;

import dev.convostore.sql.ContextItemMapper;

/** The SQL of {@link ContextItemMapper} for SQLite, in SqliteContextItemMapper.xml. */
interface SqliteContextItemMapper extends ContextItemMapper {}
