import type { ComponentManifest, Scalar } from '../manifest/index.js';

/** One input variable as shown to users (`aisle show`, GraphQL `inputs`). */
export interface InputDescription {
  name: string;
  type: string;
  required: boolean;
  /** Never set for secrets. */
  default?: Scalar;
  secret: boolean;
  /** True when a value is generated if none is given. */
  generated: boolean;
  description: string;
  enum?: Scalar[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

/** The component's inputs in declaration order, required ones first. */
export function describeInputs(manifest: { spec: Pick<ComponentManifest['spec'], 'inputs'> }): InputDescription[] {
  const schema = manifest.spec.inputs;
  const required = new Set(schema.required ?? []);
  const list = Object.entries(schema.properties).map(([name, p]): InputDescription => {
    const secret = p.writeOnly === true;
    const d: InputDescription = {
      name,
      type: p.type,
      required: required.has(name),
      secret,
      generated: p['x-aisle-generate'] !== undefined,
      description: p.description,
    };
    if (!secret && p.default !== undefined) d.default = p.default;
    if (p.enum) d.enum = p.enum;
    if (p.pattern) d.pattern = p.pattern;
    if (p.minLength !== undefined) d.minLength = p.minLength;
    if (p.maxLength !== undefined) d.maxLength = p.maxLength;
    if (p.minimum !== undefined) d.minimum = p.minimum;
    if (p.maximum !== undefined) d.maximum = p.maximum;
    return d;
  });
  return [...list.filter((i) => i.required), ...list.filter((i) => !i.required)];
}
