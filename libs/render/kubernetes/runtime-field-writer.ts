import type { RuntimeField } from '../../composition/resolved-app.js';

/**
 * How a renderer writes a runtime field a manifest may template (a port, a probe path, a
 * claim size): given the field and the value composition resolved, what goes in the object.
 * Plain manifests write the value; Helm writes a template action reading `.Values`.
 */
export type RuntimeFieldWriter = (field: RuntimeField, resolved: string | number) => unknown;

/** The writer of plain manifests: every field as composition resolved it. */
export const literalField: RuntimeFieldWriter = (_field, resolved) => resolved;
