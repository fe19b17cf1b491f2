package dev.convostore.adapter.sqlite;

import dev.convostore.sql.RetentionMapper;

/** The SQL of {@link RetentionMapper} for SQLite, in SqliteRetentionMapper.xml. */
interface SqliteRetentionMapper extends RetentionMapper {}
