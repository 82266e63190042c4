/**
 * What one registry will create, worked out without Pulumi: the plain snapshot of its Args
 * ({@code RegistryInputs}), the planner, and the plan it gives (logical and AWS names, upstream
 * order, protection, package groups, the airlock), with the URNs children had before a rename.
 */
package io.mlregistry.internal.plan;
