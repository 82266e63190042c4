/**
 * The cooldown airlock's pure definition: its rules, the Step Functions state machine in JSONata,
 * the EventBridge pattern on the stores' events and the IAM documents of its roles and queue. The
 * Pulumi layer registers them.
 */
package io.mlregistry.internal.airlock;
