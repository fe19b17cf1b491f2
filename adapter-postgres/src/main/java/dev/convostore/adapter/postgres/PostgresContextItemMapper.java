package dev.convostore.adapter.postgres;

import dev.convostore.sql.ContextItemMapper;

/** The SQL of {@link ContextItemMapper} for PostgreSQL, in PostgresContextItemMapper.xml. */
interface PostgresContextItemMapper extends ContextItemMapper {}
