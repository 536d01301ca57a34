import semver from 'semver';
import { didYouMean, error, warning, type Diagnostic } from '../diagnostics/index.js';
import type { ComponentVersion } from './component-version.js';
import { parseComponentRef } from './parse-component-ref.js';
import { resolveVersion } from './resolve-version.js';

export interface AisleSummary {
  name: string;
  components: number;
}

export interface ResolveResult {
  version?: ComponentVersion;
  diagnostics: Diagnostic[];
}

/**
 * The in-memory catalog: component versions by name, newest first. Both front doors
 * (CLI and GraphQL) resolve `NAME@RANGE` through it.
 */
export class CatalogIndex {
  private readonly byName = new Map<string, ComponentVersion[]>();
  // Names a partial index (fetched from a service for a few components) was told exist, for "did you mean".
  private readonly elsewhere = new Set<string>();

  /** Adds a version; a second version with the same name and number is refused. */
  add(version: ComponentVersion): Diagnostic[] {
    const versions = this.byName.get(version.name) ?? [];
    const existing = versions.find((v) => v.version === version.version);
    if (existing) {
      if (existing.digest === version.digest) return [];
      return [error('DUPLICATE_VERSION', 'metadata.version', `${version.name}@${version.version} is already loaded from ${existing.source} with another digest`, { file: version.source })];
    }
    versions.push(version);
    versions.sort((a, b) => semver.rcompare(a.version, b.version));
    this.byName.set(version.name, versions);
    return [];
  }

  /** Component names, sorted. */
  names(): string[] {
    return [...this.byName.keys()].sort();
  }

  /** Names the catalog holds beyond those loaded here: suggested when a reference misses, never resolved. */
  addKnownNames(names: Iterable<string>): void {
    for (const name of names) if (!this.byName.has(name)) this.elsewhere.add(name);
  }

  /** All versions of a component, newest first (empty when unknown). */
  versions(name: string): readonly ComponentVersion[] {
    return this.byName.get(name) ?? [];
  }

  /** One exact version. */
  get(name: string, version: string): ComponentVersion | undefined {
    return this.versions(name).find((v) => v.version === version);
  }

  /** The version a bare name stands for: the newest non-deprecated, stable one. */
  latest(name: string): ComponentVersion | undefined {
    const result = resolveVersion(this.versions(name), '*');
    return result.ok ? result.chosen : this.versions(name)[0];
  }

  /** Aisles with the number of components on each, sorted by name. */
  aisles(): AisleSummary[] {
    const counts = new Map<string, number>();
    for (const name of this.names()) {
      const aisle = this.latest(name)!.manifest.metadata.aisle;
      counts.set(aisle, (counts.get(aisle) ?? 0) + 1);
    }
    return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, components]) => ({ name, components }));
  }

  /**
   * Latest versions matching free text (name, title, description, keywords, provides)
   * and an optional aisle; name matches rank first.
   */
  search(text = '', aisle?: string): ComponentVersion[] {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    const results: Array<{ v: ComponentVersion; rank: number }> = [];
    for (const name of this.names()) {
      const v = this.latest(name)!;
      const m = v.manifest;
      if (aisle && m.metadata.aisle !== aisle) continue;
      const haystack = [m.metadata.name, m.metadata.title, m.metadata.description, ...(m.metadata.keywords ?? []), ...m.spec.provides, m.metadata.aisle]
        .join(' ')
        .toLowerCase();
      if (!words.every((w) => haystack.includes(w))) continue;
      const rank = words.length === 0 ? 1 : words.some((w) => m.metadata.name.includes(w)) ? 0 : 1;
      results.push({ v, rank });
    }
    return results.sort((a, b) => a.rank - b.rank || a.v.name.localeCompare(b.v.name)).map((r) => r.v);
  }

  /** Resolves `NAME[@RANGE]`; errors name the closest components or the versions that exist. */
  resolve(reference: string, path = ''): ResolveResult {
    const parsed = parseComponentRef(reference, path);
    if (!parsed.ref) return { diagnostics: parsed.diagnostics };
    const { name, range } = parsed.ref;
    const versions = this.versions(name);
    if (versions.length === 0) {
      return { diagnostics: [error('COMPONENT_NOT_FOUND', path, `no component named "${name}" in the catalog${didYouMean(name, [...this.names(), ...this.elsewhere])}`)] };
    }
    const result = resolveVersion(versions, range);
    if (!result.ok) {
      return {
        diagnostics: [error('VERSION_UNSATISFIED', path, `no version of ${name} satisfies "${range}"; available: ${result.available.join(', ')}`)],
      };
    }
    const diagnostics = result.deprecatedOnly
      ? [warning('VERSION_DEPRECATED', path, `${name}@${result.chosen.version} is deprecated: ${result.chosen.deprecated}`)]
      : [];
    return { version: result.chosen, diagnostics };
  }

  /** Number of component versions loaded. */
  get size(): number {
    let n = 0;
    for (const versions of this.byName.values()) n += versions.length;
    return n;
  }
}
