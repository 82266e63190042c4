/**
 * Offline testing and previewing for Pulumi Java stacks on AWS: {@link io.mlregistry.testing.AwsMocks}
 * answers for AWS the way AWS would, {@link io.mlregistry.testing.StackRecording} runs a program on
 * the Pulumi mock engine and records every resource with its inputs, parent and options,
 * {@link io.mlregistry.testing.DeployRule} checks what AWS or the engine would refuse only at deploy
 * time, {@link io.mlregistry.testing.StackPreview} and {@link io.mlregistry.testing.StackDiagram}
 * render a recording as a plan, JSON or a Mermaid diagram, and
 * {@link io.mlregistry.testing.PreviewMain} does all of it for a stack from the command line.
 */
package io.mlregistry.testing;
