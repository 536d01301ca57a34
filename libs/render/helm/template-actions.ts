import { toYaml } from '../kubernetes/to-yaml.js';

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
    const text = escapeTemplateText(toYaml(object));
    const blocks = text.replace(/^( *)(- )?([^\n]*?): __aisle_([0-9]+)__$/gm, (line, indent: string, dash: string | undefined, key: string, id: string) => {
      const { action, block } = this.actions.get(id)!;
      if (!block) return line;
      const depth = indent.length + (dash ? 2 : 0) + 2;
      return `${indent}${dash ?? ''}${key}:\n${' '.repeat(depth)}{{- ${action} | nindent ${depth} }}`;
    });
    return blocks.replace(/__aisle_([0-9]+)__/g, (_token, id: string) => `{{ ${this.actions.get(id)!.action} }}`);
  }

  private add(action: string, block: boolean): string {
    const id = String(this.actions.size);
    this.actions.set(id, { action, block });
    return `__aisle_${id}__`;
  }
}

/** Makes text that Helm must print as written: `{{` would open an action, so it is written as an action printing `{{`. */
export function escapeTemplateText(text: string): string {
  return text.replace(/\{\{/g, '{{ "{{" }}');
}
