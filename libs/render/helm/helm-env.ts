import type { ResolvedInstance, ResolvedValue } from '../../composition/resolved-app.js';
import { flattenParts } from './flatten-parts.js';
import type { HelmExpressions } from './helm-expressions.js';
import type { TemplateActions } from './template-actions.js';

/** What every instance's templates share: the app's instances, and the Secret keys asked of each. */
export interface HelmAppContext {
  x: HelmExpressions;
  instances: ReadonlyMap<string, ResolvedInstance>;
  /** Producer instance → Secret keys other templates read (`password`, `password.urlencode`). */
  secretKeys: Map<string, Set<string>>;
}

export interface HelmEnv {
  env: Array<Record<string, unknown>>;
  command?: string[];
  args?: string[];
  /** Text pieces for values.yaml's fixedText.<instance>: env.NAME, command, args. */
  fixedText: Record<string, unknown>;
}

type Piece =
  | { kind: 'text'; index: number }
  | { kind: 'input'; instance: string; input: string; filters: string[]; secret: boolean }
  | { kind: 'host' | 'name'; instance: string };

/**
 * The container's env, command and args as template expressions, rebuilt at deploy time
 * from the value's parts: plain inputs from .Values, host names from the release name,
 * text from values.yaml's fixedText, and secret inputs from the producing instance's
 * Secret: directly through secretKeyRef when the value is that secret alone, else as a
 * `$(AISLE_REF_n)` variable the kubelet substitutes, so a secret Helm generated is the
 * same in every place it is used.
 */
export function buildHelmEnv(instance: ResolvedInstance, ctx: HelmAppContext, actions: TemplateActions): HelmEnv {
  const { x } = ctx;
  const fixedText: Record<string, unknown> = {};
  const refs: Array<Record<string, unknown>> = [];
  const refNames = new Map<string, string>();
  const taken = new Set(instance.env.map((e) => e.name));

  const secretRef = (producer: string, key: string) => {
    requireKey(ctx, producer, key);
    return { secretKeyRef: { name: actions.scalar(`${x.instanceName(producer)} | quote`), key } };
  };
  const refVariable = (producer: string, key: string): string => {
    const id = `${producer}\u0000${key}`;
    let name = refNames.get(id);
    if (name === undefined) {
      name = `AISLE_REF_${refNames.size}`;
      while (taken.has(name)) name = `_${name}`;
      taken.add(name);
      refNames.set(id, name);
      refs.push({ name, valueFrom: secretRef(producer, key) });
    }
    return name;
  };
  /** The template action that prints a value, escaped for the kubelet's $(VAR) expansion. */
  const expression = (value: ResolvedValue, slot: Array<string | number>, texts: string[]): string => {
    const pieces = flattenParts(value.parts, ctx.instances).map((part): Piece => {
      if (part.kind === 'text') {
        texts.push(part.text);
        return { kind: 'text', index: texts.length - 1 };
      }
      if (part.kind === 'input') return { ...part, secret: isSecret(ctx, part.instance, part.input) };
      return part;
    });
    if (pieces.length === 0) return 'quote ""';
    const exprs = pieces.map((piece) => {
      switch (piece.kind) {
        case 'text':
          return `(${x.fixedText(instance.name, ...slot, piece.index)} | replace "$" "$$")`;
        case 'host':
          return `(${x.instanceName(piece.instance)})`;
        case 'name':
          return x.literal(piece.instance);
        case 'input': {
          if (piece.secret) return x.literal(`$(${refVariable(piece.instance, variantKey(piece.input, piece.filters))})`);
          let e = `${x.value(piece.instance, piece.input)} | ${isInteger(ctx, piece.instance, piece.input) ? 'int64 | toString' : 'toString'}`;
          for (const _filter of piece.filters) e += ` | include ${x.helper('urlencode')}`;
          return `(${e} | replace "$" "$$")`;
        }
      }
    });
    const quote = `include ${x.helper('quote')}`;
    return exprs.length === 1 ? `${exprs[0]} | ${quote}` : `list ${exprs.join(' ')} | join "" | ${quote}`;
  };

  const argumentList = (field: 'command' | 'args', values: ResolvedValue[] | undefined) => {
    if (!values) return undefined;
    const lists: string[][] = [];
    const out = values.map((value, i) => {
      const texts: string[] = [];
      lists.push(texts);
      return actions.scalar(expression(value, [field, i], texts));
    });
    if (lists.some((l) => l.length > 0)) fixedText[field] = lists;
    return out;
  };
  const command = argumentList('command', instance.command);
  const args = argumentList('args', instance.args);

  const envTexts: Record<string, string[]> = {};
  const env = instance.env.map((variable) => {
    const flat = flattenParts(variable.parts, ctx.instances);
    const only = flat.length === 1 ? flat[0]! : undefined;
    if (only?.kind === 'input' && isSecret(ctx, only.instance, only.input)) {
      return { name: variable.name, valueFrom: secretRef(only.instance, variantKey(only.input, only.filters)) };
    }
    const texts: string[] = [];
    const value = actions.scalar(expression(variable, ['env', variable.name], texts));
    if (texts.length > 0) envTexts[variable.name] = texts;
    return { name: variable.name, value };
  });
  if (Object.keys(envTexts).length > 0) fixedText.env = envTexts;
  // Variables a later value refers to as $(NAME) must be defined before it.
  const out: HelmEnv = { env: [...refs, ...env], fixedText };
  if (command) out.command = command;
  if (args) out.args = args;
  return out;
}

/** The Secret key holding an input with filters applied: `password`, `password.urlencode`. */
export function variantKey(input: string, filters: readonly string[]): string {
  return [input, ...filters].join('.');
}

function requireKey(ctx: HelmAppContext, producer: string, key: string): void {
  let keys = ctx.secretKeys.get(producer);
  if (!keys) ctx.secretKeys.set(producer, (keys = new Set()));
  keys.add(key);
}

export function isSecret(ctx: HelmAppContext, instance: string, input: string): boolean {
  return ctx.instances.get(instance)?.secretInputs.includes(input) ?? false;
}

export function isInteger(ctx: HelmAppContext, instance: string, input: string): boolean {
  const target = ctx.instances.get(instance);
  const declared = target?.inputsSchema?.properties[input]?.type;
  if (declared) return declared === 'integer';
  const value = target?.inputs[input];
  return typeof value === 'number' && Number.isInteger(value);
}
