/**
 * Who may do what: the domain and repository permissions policies, the reader and publisher IAM
 * policies, the domain grants and the caller's added statements, and the deployer's
 * least-privilege policy, all as IAM JSON built with {@code iam-policy-builder}. Pure.
 */
package io.mlregistry.internal.access;
