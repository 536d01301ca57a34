import type { InputMigration, InputProperty, Scalar } from '../manifest/index.js';
import { parseTemplate } from '../manifest/index.js';

/** The inputs for the new version, what was done to them, and what would be lost. */
export interface MigratedInputs {
  inputs: Record<string, Scalar>;
  /** One plain sentence per migration that changed something: `renamed maxConn to maxConnections`. */
  applied: string[];
  /** Values the user set that the new version has no place for (dropped, or no longer an input). */
  lost: Array<{ input: string; reason: string }>;
  /** A `set` template that names an input the earlier version did not have. */
  problems: Array<{ input: string; message: string }>;
}

/**
 * Applies a version's input migrations, in order, to the inputs a user set for the earlier
 * version. `earlier` holds every value the earlier version ran with (defaults included),
 * which `set` templates read. A value the new version cannot take is reported as lost,
 * never silently dropped (Helm's weak spot with renamed values keys).
 */
export function migrateInputs(
  given: Readonly<Record<string, Scalar>>,
  earlier: Readonly<Record<string, Scalar>>,
  migrations: readonly InputMigration[],
  properties: Readonly<Record<string, InputProperty>>,
): MigratedInputs {
  const inputs: Record<string, Scalar> = { ...given };
  const result: MigratedInputs = { inputs, applied: [], lost: [], problems: [] };
  for (const m of migrations) {
    if ('rename' in m) {
      const { input, to } = m.rename;
      if (!Object.hasOwn(inputs, input)) continue;
      if (!Object.hasOwn(inputs, to)) inputs[to] = inputs[input]!;
      delete inputs[input];
      result.applied.push(`renamed ${input} to ${to}`);
    } else if ('drop' in m) {
      const { input } = m.drop;
      if (!Object.hasOwn(inputs, input)) continue;
      delete inputs[input];
      result.lost.push({ input, reason: 'the new version drops it' });
      result.applied.push(`dropped ${input}`);
    } else if ('map' in m) {
      const { input, values } = m.map;
      const current = inputs[input];
      if (current === undefined || !Object.hasOwn(values, String(current))) continue;
      inputs[input] = values[String(current)]!;
      result.applied.push(`mapped ${input} from ${String(current)} to ${String(inputs[input])}`);
    } else if ('set' in m) {
      const { input, value, template } = m.set;
      if (Object.hasOwn(inputs, input)) continue;
      const computed = template === undefined ? value : fill(template, earlier, (message) => result.problems.push({ input, message }));
      if (computed === undefined) continue;
      inputs[input] = computed;
      result.applied.push(`set ${input}${properties[input]?.writeOnly === true ? '' : ` to ${String(computed)}`}`);
    }
  }
  for (const input of Object.keys(inputs).sort()) {
    if (Object.hasOwn(properties, input)) continue;
    delete inputs[input];
    if (!result.lost.some((l) => l.input === input))
      result.lost.push({ input, reason: 'it is no longer an input, and no migration says where its value goes' });
  }
  return result;
}

/** Evaluates `${{ inputs.NAME }}` references over the earlier values; exactly one reference keeps its type. */
function fill(template: string, earlier: Readonly<Record<string, Scalar>>, problem: (message: string) => void): Scalar | undefined {
  const { segments } = parseTemplate(template);
  const parts: Scalar[] = [];
  for (const s of segments) {
    if (s.kind === 'text') {
      parts.push(s.text);
      continue;
    }
    const name = s.ref[1] ?? '';
    if (s.ref[0] !== 'inputs' || !Object.hasOwn(earlier, name)) {
      problem(`the migration's template refers to "${s.source}", which the earlier version did not have`);
      return undefined;
    }
    parts.push(earlier[name]!);
  }
  return parts.length === 1 ? parts[0] : parts.map(String).join('');
}
