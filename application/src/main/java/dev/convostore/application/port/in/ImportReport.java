package dev.convostore.application.port.in;

/**
 * What an import did.
 *
 * @param conversations conversations saved (created or replaced)
 * @param messages messages they hold
 * @param contextItems context items they hold
 * @param unchanged conversations already stored as the input holds them, left alone
 */
public record ImportReport(long conversations, long messages, long contextItems, long unchanged) {}
