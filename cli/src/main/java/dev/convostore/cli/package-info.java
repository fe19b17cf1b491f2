/**
 * The {@code convostore} command-line tool ({@link dev.convostore.cli.Main}): every use case from a
 * terminal or a script, export and import in the JSON Lines format, and schema migrations. It is
 * built on the public API only ({@code ConvoStore}, the inbound ports and the domain).
 */
package dev.convostore.cli;
