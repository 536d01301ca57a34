import type { Readable } from 'node:stream';
import type { BundleFile } from '../../../../libs/render/index.js';

/** The archive formats the download endpoint writes. */
export type ArchiveFormat = 'zip' | 'tar.gz';

export const ARCHIVE_FORMATS: readonly ArchiveFormat[] = ['zip', 'tar.gz'];

export const ARCHIVE_MEDIA_TYPE: Record<ArchiveFormat, string> = { zip: 'application/zip', 'tar.gz': 'application/gzip' };

// A fixed time for every entry: the same bundle makes the same archive.
const EPOCH = new Date('2000-01-01T00:00:00Z');

/**
 * A bundle's files as a streamed archive (archiver): each file under its bundle path,
 * with its mode (secrets stay 0600). Called only once composition fully succeeded.
 */
export async function bundleArchive(files: readonly BundleFile[], format: ArchiveFormat): Promise<Readable> {
  // archiver is an ES module; this service is CommonJS.
  const { ZipArchive, TarArchive } = await import('archiver');
  const archive = format === 'zip' ? new ZipArchive({ zlib: { level: 6 } }) : new TarArchive({ gzip: true, gzipOptions: { level: 6 } });
  for (const f of files) archive.append(Buffer.from(f.content, 'utf8'), { name: f.path, date: EPOCH, mode: f.mode ?? 0o644 });
  void archive.finalize();
  return archive;
}
