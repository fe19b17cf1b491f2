package dev.convostore.sql;

/**
 * A count in a group, as the statistics queries return it.
 *
 * @param name what is counted: a role or a tool name
 * @param detail a second grouping (a tool result's outcome), or null
 * @param count how many
 */
public record GroupCount(String name, String detail, long count) {}
