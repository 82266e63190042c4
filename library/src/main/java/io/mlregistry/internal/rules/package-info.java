/**
 * AWS's rules for the values a registry takes (names, lengths, account IDs, ARNs, endpoints and
 * package-group patterns), transcribed from the service model, and {@code Problems}, which gathers
 * every broken rule into one message, a line each. Pure; depends on nothing else of the library.
 */
package io.mlregistry.internal.rules;
