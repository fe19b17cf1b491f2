package dev.convostore.application.port.in;

/**
 * What an import stored.
 *
 * @param conversations conversations saved (created or replaced)
 * @param messages messages they hold
 * @param contextItems context items they hold
 */
public record ImportReport(long conversations, long messages, long contextItems) {}
