/**
 * The machinery behind the public API, not part of it: nothing here is stable between releases.
 * Each subpackage holds one concept; dependencies point one way, from the Pulumi layer
 * ({@code resources}) down to the pure core, which a test can call without Pulumi.
 */
package io.mlregistry.internal;
