import { createHash } from 'node:crypto';

// The last line of a file that holds secrets: the sha256 of every line above it.
const SEAL_PREFIX = '# aisle: sha256 of the lines above, so composing again tells your edits from its own: ';
const NEWLINE = 0x0a;

/**
 * Appends the seal line to a file that holds secrets. Its digest lives in the file
 * rather than in aisle.lock, which is meant to be shared: a digest there would let
 * anyone holding the lock test guesses of a user's password offline.
 */
export function sealSecretFile(content: string): string {
  const body = content === '' || content.endsWith('\n') ? content : `${content}\n`;
  return `${body}${SEAL_PREFIX}${sha256(Buffer.from(body, 'utf8'))}\n`;
}

/** True when a file's last line is a seal that matches every byte above it (aisle wrote it, nobody changed it). */
export function isSealIntact(bytes: Uint8Array): boolean {
  if (bytes.length < 2 || bytes[bytes.length - 1] !== NEWLINE) return false;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = buffer.lastIndexOf(NEWLINE, buffer.length - 2) + 1;
  const seal = buffer.subarray(start, buffer.length - 1).toString('utf8');
  return seal === `${SEAL_PREFIX}${sha256(buffer.subarray(0, start))}`;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
