import type { ResolvedApp } from '../composition/resolved-app.js';

export const TARGETS = ['compose', 'kubernetes', 'helm', 'openshift'] as const;
export type Target = (typeof TARGETS)[number];

/** One file of a bundle. `mode` is set for files that must not be world-readable (secrets). */
export interface BundleFile {
  path: string;
  content: string;
  mode?: number;
}

/**
 * A renderer is a pure function: resolved app in, files out, sorted by path and
 * byte-stable (the same app gives the same bytes). Writing them is the caller's job.
 */
export type Renderer = (app: ResolvedApp, options?: RenderOptions) => BundleFile[];

/** What a caller may set beyond the app (each renderer reads what concerns it). */
export interface RenderOptions {
  /** Helm: the chart's version (default 0.1.0); an upgrade raises it, so `helm upgrade` sees a new chart. */
  chartVersion?: string;
}

/**
 * Reads back the secret values an earlier bundle of this target holds, so composing
 * again into the same folder keeps them: instance → input → value.
 */
export type SecretReader = (files: ReadonlyMap<string, string>) => Record<string, Record<string, string>>;
