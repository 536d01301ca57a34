import type { ResolvedApp, ResolvedInstance } from '../../composition/resolved-app.js';
import type { InputProperty } from '../../manifest/index.js';
import type { ChartInputs } from './chart-inputs.js';
import { re2Pattern } from './re2-pattern.js';
import { secretRule } from './secret-generator.js';

type Schema = Record<string, unknown>;

// Keywords of an input's schema that mean the same in draft-07, which every Helm 3 validates.
const KEPT = [
  'title',
  'description',
  'type',
  'default',
  'enum',
  'examples',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'writeOnly',
] as const;

/**
 * values.schema.json (draft-07): each instance's inputs with their component's rules, so
 * `helm install --set` is checked like `aisle compose`. A secret Helm can generate may be
 * empty; wired inputs are absent (Helm rebuilds them), and so refused if set.
 */
export function valuesSchema(app: ResolvedApp, inputs: ReadonlyMap<string, ChartInputs>): string {
  const properties: Record<string, Schema> = {};
  for (const instance of app.instances) properties[instance.name] = instanceSchema(instance, inputs.get(instance.name)!);
  properties.fixedText = { type: 'object', description: 'Text around the references in env values, commands and arguments.' };
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Values of the ${app.name} app`,
    type: 'object',
    required: app.instances.map((i) => i.name),
    properties,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

function instanceSchema(instance: ResolvedInstance, chart: ChartInputs): Schema {
  const declared = instance.inputsSchema;
  const properties: Record<string, Schema> = {};
  for (const input of chart.values) {
    const property = declared?.properties[input] ?? inferred(instance.inputs[input]);
    let schema = pick(property);
    // writeOnly marks the secrets: documentation for users, and how aisle reads a chart back.
    if (instance.secretInputs.includes(input)) schema.writeOnly = true;
    if (instance.secretInputs.includes(input) && secretRule(instance, input).generate) {
      schema = {
        description: property.description,
        writeOnly: true,
        anyOf: [
          { type: 'string', maxLength: 0 },
          { ...schema, description: undefined, writeOnly: undefined },
        ],
      };
      schema = JSON.parse(JSON.stringify(schema)) as Schema;
    }
    properties[input] = schema;
  }
  if (!chart.imageInput) {
    properties[chart.imageKey] = {
      type: 'object',
      description: 'The container image; the component was certified with the one given here.',
      additionalProperties: false,
      required: ['repository', 'tag'],
      properties: {
        repository: { type: 'string', minLength: 1 },
        // `--set db.image.tag=17` gives Helm an integer: accepted, and written back with toString.
        tag: {
          anyOf: [
            { type: 'string', minLength: 1 },
            { type: 'integer', minimum: 0 },
          ],
        },
        digest: { type: 'string', pattern: '^sha256:[a-f0-9]{64}$' },
      },
    };
  }
  if (chart.replicasKey) {
    properties[chart.replicasKey] = {
      type: 'integer',
      minimum: 1,
      maximum: 100,
      description: 'Copies of the container; above 1 the chart adds a PodDisruptionBudget.',
    };
  }
  const required = (declared?.required ?? []).filter((input) => chart.values.includes(input));
  const out: Schema = {
    type: 'object',
    description: `${instance.name}: ${instance.component.name} ${instance.component.version}`,
    additionalProperties: false,
  };
  if (required.length > 0) out.required = required;
  out.properties = properties;
  return out;
}

function pick(property: InputProperty): Schema {
  const out: Schema = {};
  for (const key of KEPT) {
    if (property[key] === undefined || (key === 'description' && property[key] === '')) continue;
    if (key === 'pattern') Object.assign(out, re2Pattern(property.pattern!));
    else out[key] = property[key];
  }
  return out;
}

/** Without the component's schema, only the type is known. */
function inferred(value: unknown): InputProperty {
  const type = typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value === 'boolean' ? 'boolean' : 'string';
  return { type, description: '' };
}
