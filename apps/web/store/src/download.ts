import { authHeaders } from './token';

/** One problem the service found, at a path such as db.inputs.database. */
export interface Problem {
  code: string;
  path: string;
  message: string;
}

export type ArchiveFormat = 'zip' | 'tar.gz';

/**
 * Asks POST /bundle for the archive of an app spec and saves it; returns the problems
 * instead when the service refused (nothing is saved then).
 */
export async function downloadBundle(app: string, target: string, format: ArchiveFormat, token: string | undefined): Promise<Problem[]> {
  const response = await fetch('/bundle', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders(token) },
    body: JSON.stringify({ app, target, format }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { problems?: Problem[] };
    return body.problems ?? [{ code: 'INTERNAL', path: 'app', message: `The service answered ${response.status}; try again.` }];
  }
  saveBlob(await response.blob(), `bundle-${target}.${format}`);
  return [];
}

/** Saves text as a file, as the browser saves a download. */
export function saveText(text: string, fileName: string, type = 'application/yaml'): void {
  saveBlob(new Blob([text], { type }), fileName);
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
