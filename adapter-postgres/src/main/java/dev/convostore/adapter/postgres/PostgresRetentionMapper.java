package dev.convostore.adapter.postgres;

import dev.convostore.sql.RetentionMapper;

/** The SQL of {@link RetentionMapper} for PostgreSQL, in PostgresRetentionMapper.xml. */
interface PostgresRetentionMapper extends RetentionMapper {}
