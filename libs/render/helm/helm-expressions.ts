/**
 * The Go template expressions the chart's templates are made of. Instance, component
 * and input names are identifiers (DNS labels, camelCase words), so they are safe as Go
 * string literals; user values never are: they are read from `.Values`.
 */
export class HelmExpressions {
  constructor(readonly chart: string) {}

  /** A Go string literal for an identifier-like name. */
  literal(name: string): string {
    return JSON.stringify(name);
  }

  /** The name of a named template in _helpers.tpl, prefixed with the chart's name as Helm advises. */
  helper(name: string): string {
    return this.literal(`${this.chart}.${name}`);
  }

  /** The release-prefixed object name of an instance (also its Service host name). */
  instanceName(instance: string): string {
    return `include ${this.helper('instanceName')} (list $ ${this.literal(instance)})`;
  }

  /** The name of an instance's headless Service. */
  headlessName(instance: string): string {
    return `printf "%s-hl" (${this.instanceName(instance)})`;
  }

  /** A value under an instance in .Values, e.g. `index $.Values "db" "username"`. */
  value(instance: string, ...path: Array<string | number>): string {
    return `index $.Values ${[instance, ...path].map((p) => (typeof p === 'number' ? String(p) : this.literal(p))).join(' ')}`;
  }

  /** A piece of text kept in values.yaml under fixedText. */
  fixedText(instance: string, ...path: Array<string | number>): string {
    return `index $.Values.fixedText ${[instance, ...path].map((p) => (typeof p === 'number' ? String(p) : this.literal(p))).join(' ')}`;
  }

  /** The recommended labels of an instance's objects. */
  labels(instance: string, component: string, version: string, aisle: string): string {
    return `include ${this.helper('labels')} (list $ ${[instance, component, version, aisle].map((s) => this.literal(s)).join(' ')})`;
  }

  /** The labels that select an instance's pods. */
  selectorLabels(instance: string): string {
    return `include ${this.helper('selectorLabels')} (list $ ${this.literal(instance)})`;
  }
}
