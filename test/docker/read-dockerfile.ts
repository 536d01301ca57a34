import { readFileSync } from 'node:fs';

/** One instruction of a Dockerfile: its keyword (upper case), flags (`--from=build`) and arguments. */
export interface Instruction {
  keyword: string;
  flags: Record<string, string>;
  /** The arguments: a JSON array's items (exec form), else the words of the line. */
  args: string[];
  /** The text after the keyword and flags, as written (shell form). */
  text: string;
  /** True when the arguments were a JSON array. */
  exec: boolean;
}

/** A build stage: its FROM image, its name (`AS NAME`) and its instructions after FROM. */
export interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

/**
 * Reads a Dockerfile the way BuildKit's parser splits it: a `\` at a line's end continues
 * it, comment lines (even inside a continued instruction) and blank lines are dropped, an
 * instruction is its first word, flags come before the arguments, and arguments are a
 * JSON array (exec form) or words. No Dockerfile parser is among the dependencies; this
 * reads only the subset the tests look at, and throws on anything it cannot read.
 */
export function readDockerfile(file: string): Stage[] {
  const logical: string[] = [];
  let pending = '';
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    if (/^\s*#/.test(raw) || (pending === '' && raw.trim() === '')) continue;
    const continued = /\\\s*$/.test(raw);
    pending += continued ? raw.replace(/\\\s*$/, ' ') : raw;
    if (!continued) {
      logical.push(pending.trim());
      pending = '';
    }
  }
  if (pending.trim() !== '') throw new Error(`${file}: the last instruction ends with a continuation`);
  const stages: Stage[] = [];
  for (const line of logical) {
    const instruction = parseInstruction(line);
    if (instruction.keyword === 'FROM') {
      const [image, as, name] = instruction.args;
      if (image === undefined || (as !== undefined && (as.toUpperCase() !== 'AS' || name === undefined))) throw new Error(`cannot read "${line}"`);
      stages.push({ image, ...(name ? { name } : {}), instructions: [] });
    } else {
      const stage = stages[stages.length - 1];
      // ARG may come before the first FROM; nothing else may.
      if (!stage) {
        if (instruction.keyword === 'ARG') continue;
        throw new Error(`${instruction.keyword} before the first FROM`);
      }
      stage.instructions.push(instruction);
    }
  }
  return stages;
}

function parseInstruction(line: string): Instruction {
  const match = /^([A-Za-z]+)\s*(.*)$/.exec(line);
  if (!match) throw new Error(`cannot read "${line}"`);
  const keyword = match[1]!.toUpperCase();
  let rest = match[2]!;
  const flags: Record<string, string> = {};
  for (let flag = /^--([a-z-]+)(?:=(\S*))?\s*/.exec(rest); flag; flag = /^--([a-z-]+)(?:=(\S*))?\s*/.exec(rest)) {
    flags[flag[1]!] = flag[2] ?? '';
    rest = rest.slice(flag[0].length);
  }
  // HEALTHCHECK's own command follows the word CMD.
  if (keyword === 'HEALTHCHECK' && /^CMD\s/i.test(rest)) rest = rest.replace(/^CMD\s+/i, '');
  if (rest.startsWith('[')) {
    const parsed: unknown = JSON.parse(rest);
    if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === 'string')) throw new Error(`"${line}": the exec form is a JSON array of strings`);
    return { keyword, flags, args: parsed, text: rest, exec: true };
  }
  return { keyword, flags, args: rest.split(/\s+/).filter((w) => w !== ''), text: rest, exec: false };
}

/**
 * Whether `.dockerignore` keeps a path out of the build context, as Docker's pattern
 * matcher decides: patterns are Go `filepath.Match` globs plus `**`, a pattern also
 * excludes what lies under a directory it matches, `!` brings a path back, and the last
 * pattern that matches wins.
 */
export function dockerIgnored(patterns: readonly string[], path: string): boolean {
  let ignored = false;
  for (const raw of patterns) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    const pattern = (negated ? line.slice(1) : line).replace(/^\/+|\/+$/g, '');
    const regex = globToRegExp(pattern);
    const parts = path.split('/');
    const matches = parts.some((_, i) => regex.test(parts.slice(0, i + 1).join('/')));
    if (matches) ignored = !negated;
  }
  return ignored;
}

function globToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (pattern.startsWith('**/', i)) {
      out += '(?:.*/)?';
      i += 2;
    } else if (pattern.startsWith('**', i)) {
      out += '.*';
      i += 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[' || c === '\\') throw new Error(`.dockerignore: "${pattern}" uses a class or an escape, which this reader does not follow`);
    else out += c.replace(/[.+^${}()|]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}
