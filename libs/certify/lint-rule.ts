import type { ComponentManifest } from '../manifest/index.js';

/** One problem a rule found: where in the manifest (dotted path) and what. */
export interface RuleFinding {
  path: string;
  message: string;
  /** Errors block certification; warnings are reported only. Default: error. */
  severity?: 'error' | 'warning';
}

/** A conformance check of one manifest; one rule per file under rules/. */
export interface ManifestRule {
  name: string;
  /** One sentence: what the rule holds a manifest to. */
  description: string;
  /** How its errors count when a manifest is published rather than certified (a warning: publishing goes ahead). */
  publishSeverity?: 'warning';
  check(manifest: ComponentManifest): RuleFinding[];
}

/** One version handed to a cross-version rule: its manifest and where it came from. */
export interface VersionEntry {
  manifest: ComponentManifest;
  source?: string;
  /** The reason, when the version is deprecated (withdrawn in favour of a fix). */
  deprecated?: string;
}

/** A finding of a cross-version rule, pinned to the version it is about. */
export interface VersionsFinding extends RuleFinding {
  /** The version the finding belongs to (its `source` becomes the diagnostic's file). */
  version: VersionEntry;
}

/** A conformance check across the versions of one component. */
export interface VersionsRule {
  name: string;
  description: string;
  check(versions: readonly VersionEntry[]): VersionsFinding[];
}
