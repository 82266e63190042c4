/**
 * How the registries of one stack fit together: the ledger of each domain (who creates which
 * repository, the stores and VPC endpoints a domain shares, what an airlock holds back), the link from a registry
 * that joins a domain to its owner, and the checks that span registries. Holds outputs, never
 * resources.
 */
package io.mlregistry.internal.composition;
