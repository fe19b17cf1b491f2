/**
 * The adapter-neutral contract suite, shipped in the {@code convostore-application} test jar.
 *
 * <p>Every storage adapter extends each abstract {@code *Contract} class once, implementing
 * {@link dev.convostore.application.contract.StoreContract#openStorage()} to return a fresh,
 * empty storage. The tests drive the public use cases over that storage with a hand-moved clock,
 * so every adapter is held to the same observable behaviour.
 */
package dev.convostore.application.contract;
