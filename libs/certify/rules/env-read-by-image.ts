import type { ManifestRule, RuleFinding } from '../lint-rule.js';
import { asRecord } from '../shape-guards.js';
import { imageRepository } from './image-repository.js';
import { runtimeFields, type RuntimeFields } from './runtime-fields.js';

interface Unread {
  /** True for a variable nothing in the image reads, given the rest of the runtime. */
  unread(name: string, runtime: RuntimeFields, tag: string): boolean;
  why: string;
}

const mentionsTemplates = (r: RuntimeFields) =>
  r.commandLine.includes('/etc/nginx/templates') || r.volumePaths.some((p) => p.startsWith('/etc/nginx/templates'));

// nginx/docker-nginx stable/debian/20-envsubst-on-templates.sh@0d7f438 line 41 returns
// when /etc/nginx/templates is absent, as it is in the stock image: other NGINX_ variables
// only fill templates. valkey-io/valkey src/valkey-cli.c@8.0.1 line 81: valkey-cli 8.0
// reads REDISCLI_AUTH, not VALKEYCLI_AUTH.
const UNREAD: Readonly<Record<string, Unread>> = {
  'docker.io/library/nginx': {
    unread: (name, runtime) => name.startsWith('NGINX_') && !/^NGINX_(ENVSUBST_|ENTRYPOINT_)/.test(name) && !mentionsTemplates(runtime),
    why: 'only fills templates under /etc/nginx/templates, which the stock image does not have',
  },
  'docker.io/valkey/valkey': {
    unread: (name, _, tag) => name === 'VALKEYCLI_AUTH' && /^(7|8\.0)(\.|$)/.test(tag),
    why: 'is not read by valkey-cli 8.0 and older, which reads REDISCLI_AUTH',
  },
};

/** An env variable the manifest sets must be one the image reads: an unread one is an input that does nothing. */
export const envReadByImage: ManifestRule = {
  name: 'env-read-by-image',
  description: 'every env variable set for a known image is one that image reads',
  check(manifest) {
    const repository = imageRepository(manifest);
    const table = repository === undefined ? undefined : UNREAD[repository];
    if (!table) return [];
    const tag = asRecord(asRecord(manifest.spec)?.image)?.tag;
    const runtime = runtimeFields(manifest);
    const findings: RuleFinding[] = [];
    for (const name of runtime.env.keys()) {
      if (table.unread(name, runtime, typeof tag === 'string' ? tag : ''))
        findings.push({ path: `spec.runtime.env.${name}`, message: `has no effect: it ${table.why}` });
    }
    return findings;
  },
};
