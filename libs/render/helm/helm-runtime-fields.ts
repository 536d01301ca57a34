import type { ResolvedInstance, RuntimeField } from '../../composition/resolved-app.js';
import type { RuntimeFieldWriter } from '../kubernetes/runtime-field-writer.js';
import { flattenParts } from './flatten-parts.js';
import { isInteger, isSecret, type HelmAppContext } from './helm-env.js';
import type { TemplateActions } from './template-actions.js';

/**
 * The template action that prints a runtime field (a port, a probe path, a claim size)
 * from values, rebuilt from the parts composition kept: inputs from `.Values`, hosts from
 * the release name, text from `fixedText.<instance>.<field>` (added to `fixedText`).
 * Undefined when the field is plain text, or holds a secret (written as resolved then:
 * a port or a path is no place for one).
 */
export function runtimeFieldAction(
  instance: ResolvedInstance,
  field: RuntimeField,
  ctx: HelmAppContext,
  fixedText: Record<string, unknown>,
  integer: boolean,
): string | undefined {
  const value = instance.runtimeParts?.[field];
  if (!value) return undefined;
  const { x } = ctx;
  const pieces = flattenParts(value.parts, ctx.instances);
  if (pieces.some((p) => p.kind === 'input' && isSecret(ctx, p.instance, p.input))) return undefined;
  const slot = field.split('.');
  const texts: string[] = [];
  const exprs = pieces.map((piece) => {
    switch (piece.kind) {
      case 'text':
        texts.push(piece.text);
        return x.fixedText(instance.name, ...slot, texts.length - 1);
      case 'host':
        return x.instanceName(piece.instance);
      case 'name':
        return x.literal(piece.instance);
      case 'input': {
        let e = `${x.value(piece.instance, piece.input)} | ${isInteger(ctx, piece.instance, piece.input) ? 'int64 | toString' : 'toString'}`;
        for (const _filter of piece.filters) e += ` | include ${x.helper('urlencode')}`;
        return e;
      }
    }
  });
  if (texts.length > 0) setAt(fixedText, slot, texts);
  const only = pieces.length === 1 ? pieces[0]! : undefined;
  // The usual case, `port: "${{ inputs.port }}"`, read as it is.
  if (integer && only?.kind === 'input' && only.filters.length === 0 && isInteger(ctx, only.instance, only.input))
    return `${x.value(only.instance, only.input)} | int64`;
  const joined = exprs.length === 1 ? exprs[0]! : `list ${exprs.map((e) => `(${e})`).join(' ')} | join ""`;
  return integer ? `${joined} | int64` : `${joined} | include ${x.helper('quote')}`;
}

/** The writer the shared object builder calls for an instance's runtime fields in a chart. */
export function helmRuntimeFields(
  instance: ResolvedInstance,
  ctx: HelmAppContext,
  actions: TemplateActions,
  fixedText: Record<string, unknown>,
): RuntimeFieldWriter {
  return (field, resolved) => {
    const action = runtimeFieldAction(instance, field, ctx, fixedText, typeof resolved === 'number');
    return action === undefined ? resolved : actions.scalar(action);
  };
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let at = target;
  for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[path[path.length - 1]!] = value;
}
