/**
 * Offline testing for Pulumi Java stacks on AWS: {@link io.mlregistry.testing.AwsMocks} answers
 * for AWS the way AWS would, and {@link io.mlregistry.testing.StackRecording} runs a program on the
 * Pulumi mock engine and records every resource with its inputs, parent and options.
 */
package io.mlregistry.testing;
