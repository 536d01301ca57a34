/**
 * Sizes the component schema and input validation hold every publisher and caller to
 * (schemas/component.schema.json carries the same numbers).
 */

/** Longest string value an input takes, and the largest minLength/maxLength a manifest may declare. */
export const MAX_INPUT_STRING_LENGTH = 65_536;

/** Longest secret Aisle generates; a generated input may not ask for a longer minLength. */
export const MAX_GENERATED_SECRET_LENGTH = 4_096;
