/**
 * Private access from a VPC: which endpoints a registry creates or shares with the registries of
 * its domain, their names, their least-privilege endpoint policies, the repository-policy statement
 * that requires them, and the checks that span registries (one set of endpoints with private DNS
 * per VPC). Pure: outputs and policy documents, never resources.
 */
package io.mlregistry.internal.privateaccess;
