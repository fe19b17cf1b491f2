package dev.convostore.sql;

/**
 * A count in a group, as a counting query returns it.
 *
 * @param name what is counted
 * @param count how many
 */
public record GroupCount(String name, long count) {}
