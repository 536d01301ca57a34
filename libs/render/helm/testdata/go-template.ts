/**
 * A small interpreter for the subset of Go text/template and Helm functions our charts
 * use, for tests only (helm itself is not installed here). It follows Go's rules for
 * trim markers, pipelines (the piped value is the last argument), niladic functions as
 * arguments, and missing map keys (nil), and Helm's for include, lookup and the
 * "<no value>" clean-up. Unknown syntax or functions throw, so a template we emit that
 * this cannot read fails the tests rather than passing unseen.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';

type Value = unknown;
type Node =
  | { t: 'text'; text: string }
  | { t: 'action'; pipe: Pipe }
  | { t: 'if' | 'with'; pipe: Pipe; then: Node[]; else: Node[] }
  | { t: 'range'; pipe: Pipe; body: Node[] };
interface Pipe { decl?: { name: string; assign: boolean }; cmds: Operand[][] }
type Operand =
  | { k: 'str'; v: string } | { k: 'num'; v: number } | { k: 'fn'; name: string }
  | { k: 'var'; name: string; fields: string[] } | { k: 'dot'; fields: string[] } | { k: 'paren'; pipe: Pipe; fields: string[] };

const TOKEN = /\s*(?:("(?:[^"\\]|\\.)*")|(-?\d+)|(\$[A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)|(\.(?:[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)?)|([A-Za-z_][A-Za-z0-9_]*)|(:=|=|\||\(|\)(?:\.[A-Za-z0-9_]+)*))/y;

/** Splits template text into text and actions, applying `{{-` / `-}}` trimming; comments vanish. */
function lex(src: string): Array<{ text: string } | { action: string }> {
  const out: Array<{ text: string } | { action: string }> = [];
  let i = 0;
  let trimNext = false;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    let text = open < 0 ? src.slice(i) : src.slice(i, open);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (open < 0) { out.push({ text }); break; }
    const leftTrim = src.startsWith('{{- ', open);
    if (leftTrim) text = text.replace(/\s+$/, '');
    out.push({ text });
    let j = open + (leftTrim ? 4 : 2);
    if (src.startsWith('/*', j)) {
      const end = src.indexOf('*/', j);
      j = end + 2;
      const m = /^( -)?\}\}/.exec(src.slice(j));
      if (!m) throw new Error('bad comment');
      trimNext = m[1] !== undefined;
      i = j + m[0].length;
      continue;
    }
    // Find the closing delimiter outside string literals.
    let k = j;
    let inString = false;
    for (; k < src.length; k++) {
      if (inString) { if (src[k] === '\\') k++; else if (src[k] === '"') inString = false; continue; }
      if (src[k] === '"') inString = true;
      else if (src.startsWith('}}', k)) break;
    }
    if (k >= src.length) throw new Error('unclosed action');
    const rightTrim = src.slice(k - 2, k) === ' -';
    out.push({ action: src.slice(j, rightTrim ? k - 2 : k).trim() });
    trimNext = rightTrim;
    i = k + 2;
  }
  return out;
}

function parsePipe(text: string): Pipe {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) { if (text.slice(start).trim() === '') break; throw new Error(`cannot read "${text.slice(start)}"`); }
    tokens.push(m[0].trim());
  }
  let p = 0;
  const pipe = (): Pipe => {
    const result: Pipe = { cmds: [] };
    if (tokens[p]?.startsWith('$') && (tokens[p + 1] === ':=' || tokens[p + 1] === '=')) {
      result.decl = { name: tokens[p]!, assign: tokens[p + 1] === '=' };
      p += 2;
    }
    let cmd: Operand[] = [];
    while (p < tokens.length && !tokens[p]!.startsWith(')')) {
      const tok = tokens[p++]!;
      if (tok === '|') { result.cmds.push(cmd); cmd = []; continue; }
      if (tok === '(') {
        const inner = pipe();
        const close = tokens[p++]!;
        cmd.push({ k: 'paren', pipe: inner, fields: close.split('.').slice(1) });
        continue;
      }
      cmd.push(operand(tok));
    }
    result.cmds.push(cmd);
    return result;
  };
  const out = pipe();
  if (p !== tokens.length) throw new Error(`unexpected "${tokens[p]}" in "${text}"`);
  return out;
}

function operand(tok: string): Operand {
  if (tok.startsWith('"')) return { k: 'str', v: JSON.parse(tok) as string };
  if (/^-?\d+$/.test(tok)) return { k: 'num', v: Number(tok) };
  if (tok.startsWith('$')) { const [name, ...fields] = tok.split('.'); return { k: 'var', name: name!, fields }; }
  if (tok.startsWith('.')) return { k: 'dot', fields: tok === '.' ? [] : tok.slice(1).split('.') };
  return { k: 'fn', name: tok };
}

/** Parses a template file into its body and the named templates it defines. */
export function parseTemplate(src: string, defines: Map<string, Node[]>): Node[] {
  const items = lex(src);
  let i = 0;
  const list = (stop: string[]): { nodes: Node[]; end: string } => {
    const nodes: Node[] = [];
    while (i < items.length) {
      const item = items[i++]!;
      if ('text' in item) { if (item.text) nodes.push({ t: 'text', text: item.text }); continue; }
      const a = item.action;
      const word = /^[a-z]+/.exec(a)?.[0] ?? '';
      if (stop.includes(word)) return { nodes, end: a };
      if (word === 'define') {
        const name = JSON.parse(a.slice(6).trim()) as string;
        defines.set(name, list(['end']).nodes);
      } else if (word === 'if') nodes.push(ifNode(a.slice(2)));
      else if (word === 'with') {
        const body = list(['else', 'end']);
        if (body.end !== 'end') throw new Error(`unsupported "${body.end}" in with`);
        nodes.push({ t: 'with', pipe: parsePipe(a.slice(4)), then: body.nodes, else: [] });
      }
      else if (word === 'range') nodes.push({ t: 'range', pipe: parsePipe(a.slice(5)), body: list(['end']).nodes });
      else if (['end', 'else', 'template', 'block'].includes(word)) throw new Error(`unsupported "${a}"`);
      else nodes.push({ t: 'action', pipe: parsePipe(a) });
    }
    if (stop.length > 0) throw new Error(`missing {{ end }}`);
    return { nodes, end: '' };
  };
  const ifNode = (cond: string): Node => {
    const body = list(['else', 'end']);
    let otherwise: Node[] = [];
    if (body.end.startsWith('else if')) otherwise = [ifNode(body.end.slice(7))];
    else if (body.end === 'else') otherwise = list(['end']).nodes;
    return { t: 'if', pipe: parsePipe(cond), then: body.nodes, else: otherwise };
  };
  return list([]).nodes;
}

export interface RenderContext {
  root: Record<string, Value>;
  defines: Map<string, Node[]>;
  /** Objects `lookup` finds: "v1/Secret/NAMESPACE/NAME". */
  cluster: Map<string, Record<string, Value>>;
}

/** Renders parsed nodes with `.` bound to dot; returns the text, Helm's "<no value>" removal not yet applied. */
export function execute(nodes: Node[], dot: Value, ctx: RenderContext, vars: Map<string, Value> = new Map([['$', ctx.root]])): string {
  let out = '';
  for (const node of nodes) {
    if (node.t === 'text') out += node.text;
    else if (node.t === 'action') { const v = evalPipe(node.pipe, dot, ctx, vars); if (!node.pipe.decl) out += printed(v); }
    else if (node.t === 'if') out += execute(truthy(evalPipe(node.pipe, dot, ctx, vars)) ? node.then : node.else, dot, ctx, vars);
    else if (node.t === 'with') {
      const value = evalPipe(node.pipe, dot, ctx, vars);
      if (truthy(value)) out += execute(node.then, value, ctx, vars);
    }
    else if (node.t === 'range') for (const _ of evalPipe(node.pipe, dot, ctx, vars) as unknown[]) out += execute(node.body, dot, ctx, vars);
  }
  return out;
}

function evalPipe(pipe: Pipe, dot: Value, ctx: RenderContext, vars: Map<string, Value>): Value {
  let value: Value;
  let piped = false;
  for (const cmd of pipe.cmds) {
    const [head, ...rest] = cmd;
    if (!head) throw new Error('empty command');
    if (head.k === 'fn') {
      const args = rest.map((o) => evalOperand(o, dot, ctx, vars));
      if (piped) args.push(value);
      value = call(head.name, args, ctx);
    } else {
      if (rest.length > 0 || piped) throw new Error('can only pipe into a function');
      value = evalOperand(head, dot, ctx, vars);
    }
    piped = true;
  }
  if (pipe.decl) {
    if (pipe.decl.assign && !vars.has(pipe.decl.name)) throw new Error(`undefined variable ${pipe.decl.name}`);
    vars.set(pipe.decl.name, value);
  }
  return value;
}

function evalOperand(o: Operand, dot: Value, ctx: RenderContext, vars: Map<string, Value>): Value {
  switch (o.k) {
    case 'str': case 'num': return o.v;
    case 'fn': return call(o.name, [], ctx);
    case 'dot': return fields(dot, o.fields);
    case 'paren': return fields(evalPipe(o.pipe, dot, ctx, vars), o.fields);
    case 'var':
      if (!vars.has(o.name)) throw new Error(`undefined variable ${o.name}`);
      return fields(vars.get(o.name), o.fields);
  }
}

function fields(value: Value, names: string[]): Value {
  let v = value;
  for (const name of names) {
    if (v === null || v === undefined) throw new Error(`nil pointer evaluating .${name}`);
    if (typeof v !== 'object') throw new Error(`can't evaluate field ${name}`);
    v = (v as Record<string, Value>)[name];
  }
  return v;
}

const truthy = (v: Value): boolean =>
  !(v === undefined || v === null || v === false || v === 0 || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && Object.keys(v as object).length === 0));

/** Go's %v for the values our templates print. */
function printed(v: Value): string {
  if (v === undefined || v === null) return '<no value>';
  return strval(v);
}

function strval(v: Value): string {
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Error(`cannot print ${JSON.stringify(v)}`);
}

/** Go's strconv.Quote (what %q and sprig's quote produce). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === ' ' || (c > 0x20 && c < 0x7f)) out += ch;
    else if (c < 0x80) out += ({ 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' } as Record<number, string>)[c] ?? `\\x${c.toString(16).padStart(2, '0')}`;
    else if (/[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch)) out += ch;
    else out += c > 0xffff ? `\\U${c.toString(16).padStart(8, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

/** Go's url.QueryEscape. */
function queryEscape(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function call(name: string, a: Value[], ctx: RenderContext): Value {
  const s = (i: number) => strval(a[i]);
  switch (name) {
    case 'include': {
      const body = ctx.defines.get(s(0));
      if (!body) throw new Error(`no template "${s(0)}"`);
      return execute(body, a[1], ctx, new Map([['$', a[1]]]));
    }
    case 'quote': return a.filter((v) => v !== null && v !== undefined).map((v) => goQuote(strval(v))).join(' ');
    case 'toString': return strval(a[0]);
    case 'int': case 'int64': return Math.trunc(Number(a[0]));
    case 'replace': return s(2).split(s(0)).join(s(1));
    case 'trunc': return Buffer.from(s(1), 'utf8').subarray(0, Number(a[0])).toString('utf8');
    case 'trimSuffix': return s(1).endsWith(s(0)) ? s(1).slice(0, s(1).length - s(0).length) : s(1);
    case 'printf': { let i = 1; return s(0).replace(/%[svd]/g, () => strval(a[i++])); }
    case 'print': return a.map(strval).join('');
    case 'urlquery': return queryEscape(a.map(strval).join(''));
    case 'b64enc': return Buffer.from(s(0), 'utf8').toString('base64');
    case 'b64dec': return Buffer.from(s(0), 'base64').toString('utf8');
    case 'randAlphaNum': { const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'; let o = ''; for (let i = 0; i < Number(a[0]); i++) o += abc[randomInt(abc.length)]; return o; }
    case 'randBytes': return randomBytes(Number(a[0])).toString('base64');
    case 'uuidv4': return randomUUID();
    case 'index': { let v = a[0]; for (const k of a.slice(1)) v = v === null || v === undefined ? undefined : (v as Record<string, Value>)[k as string]; return v; }
    case 'dict': { const o: Record<string, Value> = {}; for (let i = 0; i < a.length; i += 2) o[s(i)] = a[i + 1]; return o; }
    case 'list': return [...a];
    case 'join': return (a[1] as Value[]).map(strval).join(s(0));
    case 'default': return truthy(a[1]) ? a[1] : a[0];
    case 'eq': return a[0] === a[1];
    case 'not': return !truthy(a[0]);
    case 'add1': return Number(a[0]) + 1;
    case 'sub': return Number(a[0]) - Number(a[1]);
    case 'len': return typeof a[0] === 'string' ? Buffer.byteLength(a[0], 'utf8') : Object.keys((a[0] ?? {}) as object).length;
    case 'div': return Math.trunc(Number(a[0]) / Number(a[1]));
    case 'until': return Array.from({ length: Number(a[0]) }, (_, i) => i);
    case 'nindent': { const pad = ' '.repeat(Number(a[0])); return `\n${pad}${s(1).split('\n').join(`\n${pad}`)}`; }
    case 'lookup': return ctx.cluster.get(`${s(0)}/${s(1)}/${s(2)}/${s(3)}`) ?? {};
    case 'fail': throw new Error(`fail: ${s(0)}`);
    case 'nil': return undefined;
    case 'true': return true;
    case 'false': return false;
    default: throw new Error(`unknown function ${name}`);
  }
}
