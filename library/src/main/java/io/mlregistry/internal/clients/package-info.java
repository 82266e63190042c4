/**
 * What a client needs to use a registry, as text: pip, uv, npm, Maven and twine configuration, the
 * AWS CLI's login and token commands, the environment of a SageMaker job, and the scripts of the
 * SageMaker lifecycle configurations. Derived from the registry's ARNs and endpoints alone; no
 * token is ever part of it (a client fills one in from {@code CODEARTIFACT_AUTH_TOKEN}). Pure.
 */
package io.mlregistry.internal.clients;
