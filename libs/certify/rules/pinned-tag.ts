import { shownValue } from '../../diagnostics/index.js';
import { compileSafePattern } from '../../manifest/index.js';
import type { ManifestRule, RuleFinding } from '../lint-rule.js';
import { asRecord, own } from '../shape-guards.js';

// A tag pins a release when it names at least major.minor (16.10, v3.5.0, 4.3-management)
// or a dated release (RELEASE.2025-06-13T11-33-47Z); a bare major such as "8" moves.
const PINNED_TAG = /^(v?\d+\.\d+([.+_-][A-Za-z0-9_.+-]*)?|RELEASE\.\d{4}-\d{2}-\d{2}T[0-9-]+Z)$/;
const MOVING_WORDS = /(^|[.-])(latest|stable|mainline|edge|nightly|main|master|dev|lts|rolling)($|[.-])/i;
// What an image input's pattern must refuse, and a pinned reference it must accept.
const UNPINNED_REFERENCES = ['nginx', 'nginx:latest', 'registry.example.com/team/app', 'registry.example.com/team/app:latest', 'app:stable'];
const PINNED_REFERENCE = 'registry.example.com/team/app:1.2.3';

/** True when an image tag names a fixed release rather than a line that moves. */
export function isPinnedTag(tag: string): boolean {
  return PINNED_TAG.test(tag) && !MOVING_WORDS.test(tag);
}

/**
 * The image must be pinned: a version tag of at least major.minor (or a digest), or,
 * for generic components, a string input whose pattern refuses untagged and moving
 * references.
 */
export const pinnedTag: ManifestRule = {
  name: 'pinned-tag',
  description: 'the image is pinned to a release tag, or comes from an input whose pattern requires one',
  check(manifest) {
    const image = asRecord(asRecord(manifest.spec)?.image);
    if (!image) return [{ path: 'spec.image', message: 'is missing' }];
    if ('input' in image) return checkImageInput(asRecord(manifest.spec.inputs)?.properties, image.input);
    if (image.digest !== undefined) return [];
    if (typeof image.tag !== 'string' || !isPinnedTag(image.tag)) {
      return [
        { path: 'spec.image.tag', message: `"${shownValue(image.tag)}" is not a pinned release tag; name at least major.minor (e.g. "16.10") or pin a digest` },
      ];
    }
    return [];
  },
};

function checkImageInput(properties: unknown, name: unknown): RuleFinding[] {
  if (typeof name !== 'string') return [{ path: 'spec.image.input', message: 'must name a string input' }];
  const input = asRecord(own(properties, name));
  if (!input) return [{ path: 'spec.image.input', message: `names "${name}", which is not an input` }];
  if (input.type !== 'string') return [{ path: 'spec.image.input', message: `names "${name}", which is not a string input` }];
  const base = `spec.inputs.properties.${name}`;
  if (typeof input.pattern !== 'string') return [{ path: `${base}.pattern`, message: 'an image input needs a pattern that requires a pinned tag' }];
  // The publisher's pattern runs on RE2 like every other: no pattern can make lint backtrack.
  const verdict = compileSafePattern(input.pattern);
  if ('problem' in verdict) return [{ path: `${base}.pattern`, message: verdict.problem }];
  const { pattern } = verdict;
  const findings: RuleFinding[] = [];
  const accepted = UNPINNED_REFERENCES.filter((r) => pattern.test(r));
  if (accepted.length > 0) findings.push({ path: `${base}.pattern`, message: `accepts unpinned image references such as "${accepted[0]}"` });
  if (!pattern.test(PINNED_REFERENCE)) findings.push({ path: `${base}.pattern`, message: `refuses a pinned reference such as "${PINNED_REFERENCE}"` });
  if (typeof input.default === 'string') {
    const tag = /:([^/:@]+)$/.exec(input.default)?.[1];
    if (!input.default.includes('@sha256:') && (tag === undefined || !isPinnedTag(tag))) {
      findings.push({ path: `${base}.default`, message: `"${input.default}" is not pinned to a release tag` });
    }
  }
  return findings;
}
