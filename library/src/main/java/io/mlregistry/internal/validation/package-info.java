/**
 * Every rule of a registry's inputs, field by field and across fields, checked on the plain
 * snapshot {@code build()} hands over; every broken rule is reported at once, naming the field,
 * showing the value and saying what is allowed.
 */
package io.mlregistry.internal.validation;
