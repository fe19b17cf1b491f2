/**
 * The host-facing entry point: {@link dev.convostore.bootstrap.ConvoStore#open(String)} opens a
 * store from a URL or properties, finding the storage adapter for the URL through {@link
 * java.util.ServiceLoader} and wiring every use case over it. This is the one place where
 * convostore is assembled; only the command-line tool and the integrations build on it.
 */
package dev.convostore.bootstrap;
