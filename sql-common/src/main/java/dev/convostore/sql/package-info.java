/**
 * What the SQL adapters share: JSON columns read with Jackson and written canonically, the JSON
 * shape of tool calls and tool results, MyBatis column handlers and set-up, stored enum names, Flyway schema versions with undo scripts. Used by the
 * adapters only; nothing here knows a particular database.
 */
package dev.convostore.sql;
