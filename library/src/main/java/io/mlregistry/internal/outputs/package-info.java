/**
 * Reading Pulumi outputs without waiting: a value known now (a plain value, a config value) is
 * checked at {@code build()}, an output of a resource when it resolves, with the same rule; secrets
 * are never printed. Uses {@code com.pulumi.core} only, never a resource.
 */
package io.mlregistry.internal.outputs;
