/**
 * What the SQL adapters share: JSON columns read with Jackson and written canonically, the JSON
 * shape of tool calls and tool results, MyBatis column handlers, stored enum names. Used by the
 * adapters only; nothing here knows a particular database.
 */
package dev.convostore.sql;
