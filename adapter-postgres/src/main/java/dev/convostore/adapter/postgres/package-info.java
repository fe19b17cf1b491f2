/**
 * PostgreSQL storage: {@code uuid}, {@code timestamptz}, {@code jsonb} and full-text search,
 * reached through MyBatis and HikariCP, its schema kept by Flyway and ready to be distributed by
 * conversation. The only public type is {@link
 * dev.convostore.adapter.postgres.PostgresStorageProvider}, found through {@link
 * java.util.ServiceLoader}.
 */
package dev.convostore.adapter.postgres;
