/**
 * H2 storage: a database file or a named in-memory database in the host's JVM, reached through
 * MyBatis and HikariCP, its schema kept by Flyway, search by a table of words. The only public
 * type is {@link dev.convostore.adapter.h2.H2StorageProvider}, found through {@link
 * java.util.ServiceLoader}.
 */
package dev.convostore.adapter.h2;
