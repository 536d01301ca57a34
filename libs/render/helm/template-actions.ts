import { toYaml } from '../to-yaml.js';

const TOKEN_PREFIX = '__aisle_';
const TOKEN = /__aisle_([0-9]+)__/g;
// `key: TOKEN` or `- key: TOKEN`, the only places a block token is put.
const BLOCK_LINE = /^( *)(- )?(.*): __aisle_([0-9]+)__$/;

/**
 * Builds a Helm template from a plain object: where a value must come from a template
 * action, the object holds a placeholder token; the object is serialized with the YAML
 * library and each token is swapped for its action afterwards. The YAML structure is
 * thereby the library's, and only actions we write ourselves are Go template text.
 */
export class TemplateActions {
  private readonly actions = new Map<string, { action: string; block: boolean }>();

  /** A token that becomes `{{ action }}` where a scalar stands. */
  scalar(action: string): string {
    return this.add(action, false);
  }

  /** A token that becomes a block of mappings: `{{- action | nindent N }}` on the line below its key. */
  block(action: string): string {
    return this.add(action, true);
  }

  /** Serializes `object` and replaces every token by its action. */
  render(object: unknown): string {
    const lines = escapeTemplateText(toYaml(object)).split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (!line.includes(TOKEN_PREFIX)) continue;
      const block = BLOCK_LINE.exec(line);
      const entry = block ? this.actions.get(block[4]!) : undefined;
      if (block && entry?.block) {
        const [, indent, dash, key] = block;
        const depth = indent!.length + (dash ? 2 : 0) + 2;
        lines[i] = `${indent}${dash ?? ''}${key}:\n${' '.repeat(depth)}{{- ${entry.action} | nindent ${depth} }}`;
        continue;
      }
      lines[i] = line.replace(TOKEN, (_token, id: string) => `{{ ${this.actions.get(id)!.action} }}`);
    }
    return lines.join('\n');
  }

  private add(action: string, block: boolean): string {
    const id = String(this.actions.size);
    this.actions.set(id, { action, block });
    return `${TOKEN_PREFIX}${id}__`;
  }
}

/** Makes text that Helm must print as written: `{{` would open an action, so it is written as an action printing `{{`. */
export function escapeTemplateText(text: string): string {
  return text.replace(/\{\{/g, '{{ "{{" }}');
}
