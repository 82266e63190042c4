/**
 * The Pulumi layer: turns a registry's plan into child resources of the component, in the steps
 * its constructor lists (key, domain, stores, repository, airlock, policies, package groups,
 * outputs), each child parented, protected, tagged and aliased as planned.
 */
package io.mlregistry.internal.resources;
