/**
 * The services implementing the use cases on the outbound ports. {@link
 * dev.convostore.application.service.UseCases#over} wires all of them over one {@link
 * dev.convostore.application.port.out.Storage}; the services themselves are package-private.
 */
package dev.convostore.application.service;
