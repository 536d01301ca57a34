import { compileSafePattern } from '../manifest/index.js';

/** A `/…/` regular expression literal (CapRover's validRegex) as a safe JSON Schema pattern; undefined when it has flags or cannot be made safe. */
export function patternFromRegex(literal: string): string | undefined {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(literal.trim());
  const source = m ? m[1]! : literal;
  if (m && m[2] !== '') return undefined;
  return 'problem' in compileSafePattern(source) ? undefined : source;
}
