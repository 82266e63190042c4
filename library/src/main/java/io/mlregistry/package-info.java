/**
 * A private, KMS-encrypted AWS CodeArtifact registry for ML dependencies, as one Pulumi component:
 * {@link io.mlregistry.MlDependencyRegistry}, configured through
 * {@link io.mlregistry.MlDependencyRegistryArgs}.
 */
package io.mlregistry;
