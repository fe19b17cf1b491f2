package dev.convostore.domain;

/**
 * What erasing a user removed.
 *
 * @param conversations conversations deleted
 * @param messages messages deleted with them
 * @param contextItems context items deleted with them
 */
public record ErasureReport(long conversations, long messages, long contextItems) {}
