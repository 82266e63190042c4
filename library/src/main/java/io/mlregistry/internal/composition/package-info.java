/**
 * The stack's domain graph: the domains the registries of one program create or join, the
 * repositories each creates, the upstream edges between them, the stores shared per domain, what
 * airlocks hold back and the package group patterns, checked as a whole on every addition. Names
 * given as strings resolve through it to the outputs of the registries that create them. Holds
 * outputs, never resources; {@link io.mlregistry.internal.composition.Shared} is where a new kind
 * of thing shared per domain (the VPC endpoints, the asset bucket) or per program is added.
 */
package io.mlregistry.internal.composition;
