/**
 * SQLite storage: one database file in WAL mode, reached through MyBatis and HikariCP, its schema
 * kept by Flyway, search by FTS5. The only public type is {@link
 * dev.convostore.adapter.sqlite.SqliteStorageProvider}, found through {@link java.util.ServiceLoader}.
 */
package dev.convostore.adapter.sqlite;
