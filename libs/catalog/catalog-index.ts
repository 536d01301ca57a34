import rcompare from 'semver/functions/rcompare';
import { didYouMean, error, type Diagnostic } from '../diagnostics/index.js';
import { describeAisle } from './describe-aisle.js';
import type { ComponentVersion } from './component-version.js';
import { kitSearchText, type KitVersion } from './kit-version.js';
import { parseComponentRef } from './parse-component-ref.js';
import { pickVersion } from './pick-version.js';
import { searchText } from './search-text.js';
import { searchWords } from './search-words.js';
import { compareSearchResults, searchRank, type SearchRank } from './search-rank.js';

export interface AisleSummary {
  name: string;
  components: number;
  /** App kits on this aisle. */
  kits: number;
  /** From libs/catalog/aisles.ts; absent for an aisle that is not in the list. */
  description?: string;
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
  // Kits share the components' names: `aisle show NAME` finds either.
  private readonly kitsByName = new Map<string, KitVersion[]>();
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
    versions.sort((a, b) => rcompare(a.version, b.version));
    this.byName.set(version.name, versions);
    return [];
  }

  /** Adds a kit version; a name a component already has, or a second kit version with another digest, is refused. */
  addKit(kit: KitVersion): Diagnostic[] {
    if (this.byName.has(kit.name)) {
      return [error('DUPLICATE_VERSION', 'metadata.name', `${kit.name} is already the name of a component; a kit takes a name of its own (such as ${kit.name}-kit)`, { file: kit.source })];
    }
    const versions = this.kitsByName.get(kit.name) ?? [];
    const existing = versions.find((v) => v.version === kit.version);
    if (existing) {
      if (existing.digest === kit.digest) return [];
      return [error('DUPLICATE_VERSION', 'metadata.version', `${kit.name}@${kit.version} is already loaded from ${existing.source} with another digest`, { file: kit.source })];
    }
    versions.push(kit);
    versions.sort((a, b) => rcompare(a.version, b.version));
    this.kitsByName.set(kit.name, versions);
    return [];
  }

  /** Kit names, sorted. */
  kitNames(): string[] {
    return [...this.kitsByName.keys()].sort();
  }

  /** All versions of a kit, newest first (empty when unknown). */
  kitVersions(name: string): readonly KitVersion[] {
    return this.kitsByName.get(name) ?? [];
  }

  /** True when NAME (without a range) is a kit's. */
  isKit(reference: string): boolean {
    return this.kitsByName.has(reference.split('@')[0]!);
  }

  /** Resolves a kit's `NAME[@RANGE]` by the components' rule (pickVersion). */
  resolveKit(reference: string, path = ''): { version?: KitVersion; diagnostics: Diagnostic[] } {
    const parsed = parseComponentRef(reference, path);
    if (!parsed.ref) return { diagnostics: parsed.diagnostics };
    const versions = this.kitVersions(parsed.ref.name);
    if (versions.length === 0) return { diagnostics: [error('COMPONENT_NOT_FOUND', path, `no kit named "${parsed.ref.name}" in the catalog${didYouMean(parsed.ref.name, this.kitNames())}`)] };
    return pickVersion(parsed.ref.name, versions, parsed.ref.range, path);
  }

  /** Latest kit versions matching free text and an optional aisle, ranked as search ranks components. */
  searchKits(text = '', aisle?: string): KitVersion[] {
    const words = searchWords(text);
    const results: Array<{ v: KitVersion; name: string; rank: SearchRank }> = [];
    for (const name of this.kitNames()) {
      const v = pickVersion(name, this.kitVersions(name), 'latest', '').version!;
      if (aisle && v.kit.metadata.aisle !== aisle) continue;
      const haystack = kitSearchText(v.kit);
      if (!words.every((w) => haystack.includes(w))) continue;
      results.push({ v, name, rank: searchRank(name, words) });
    }
    return results.sort(compareSearchResults).map((r) => r.v);
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

  /** The version a bare name stands for (see pickVersion). */
  latest(name: string): ComponentVersion | undefined {
    return pickVersion(name, this.versions(name), 'latest', '').version;
  }

  /** Aisles with the number of components on each, sorted by name. */
  aisles(): AisleSummary[] {
    const counts = new Map<string, { components: number; kits: number }>();
    const count = (aisle: string) => counts.get(aisle) ?? counts.set(aisle, { components: 0, kits: 0 }).get(aisle)!;
    for (const name of this.names()) count(this.latest(name)!.manifest.metadata.aisle).components += 1;
    for (const name of this.kitNames()) count(pickVersion(name, this.kitVersions(name), 'latest', '').version!.kit.metadata.aisle).kits += 1;
    return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, c]) => describeAisle(name, c.components, c.kits));
  }

  /**
   * Latest versions matching free text (every word of searchWords in the searchText, as the
   * GraphQL service matches) and an optional aisle; name matches rank first (searchRank), then by name.
   */
  search(text = '', aisle?: string): ComponentVersion[] {
    const words = searchWords(text);
    const results: Array<{ v: ComponentVersion; name: string; rank: SearchRank }> = [];
    for (const name of this.names()) {
      const v = this.latest(name)!;
      if (aisle && v.manifest.metadata.aisle !== aisle) continue;
      const haystack = searchText(v.manifest, name);
      if (!words.every((w) => haystack.includes(w))) continue;
      results.push({ v, name, rank: searchRank(name, words) });
    }
    return results.sort(compareSearchResults).map((r) => r.v);
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
    return pickVersion(name, versions, range, path);
  }

  /** Number of component versions loaded. */
  get size(): number {
    let n = 0;
    for (const versions of this.byName.values()) n += versions.length;
    return n;
  }
}
