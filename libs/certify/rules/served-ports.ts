import type { ManifestRule, RuleFinding } from '../lint-rule.js';
import { imageRepository } from './image-repository.js';
import { runtimeFields, type RuntimeFields } from './runtime-fields.js';

interface StockConfig {
  /** Ports ("80", "443/udp") the stock configuration serves. */
  serves: readonly string[];
  /** True when the manifest brings its own configuration, so the stock one does not apply. */
  ownConfig(runtime: RuntimeFields): boolean;
  where: string;
}

// caddyserver/caddy-docker 2.11/alpine/Dockerfile@62d1326 line 17 installs the Caddyfile
// of caddyserver/dist@33ae08f (`:80 { root * /usr/share/caddy; file_server }`);
// nginx/docker-nginx stable/debian/Dockerfile@0d7f438 ships default.conf on 80 (EXPOSE 80, line 145).
const STOCK: Readonly<Record<string, StockConfig>> = {
  'docker.io/library/caddy': {
    serves: ['80'],
    ownConfig: (r) => r.hasCommand || r.commandLine.includes('--config') || r.volumePaths.some((p) => p.startsWith('/etc/caddy')),
    where: 'the stock Caddyfile serves only :80',
  },
  'docker.io/library/nginx': {
    serves: ['80'],
    ownConfig: (r) => r.commandLine.includes('/etc/nginx') || r.volumePaths.some((p) => p.startsWith('/etc/nginx')),
    where: 'the stock default.conf serves only port 80',
  },
};

/** A port declared for an image running its stock configuration must be one that configuration serves. */
export const servedPorts: ManifestRule = {
  name: 'served-ports',
  description: "every declared port is served by the image's configuration",
  check(manifest) {
    const repository = imageRepository(manifest);
    const stock = repository === undefined ? undefined : STOCK[repository];
    const runtime = runtimeFields(manifest);
    if (!stock || stock.ownConfig(runtime)) return [];
    const findings: RuleFinding[] = [];
    runtime.ports.forEach((p, i) => {
      const key = p.protocol === 'UDP' ? `${p.port}/udp` : String(p.port);
      if (!stock.serves.includes(key)) findings.push({ path: `spec.runtime.ports.${i}`, message: `declares ${key}, which nothing serves: ${stock.where}` });
    });
    return findings;
  },
};
