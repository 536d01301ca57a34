const PREFIX = 'component:';

/** The opaque cursor of a component in name order: stable as long as the name is. */
export function encodeCursor(name: string): string {
  return Buffer.from(`${PREFIX}${name}`, 'utf8').toString('base64url');
}

/** The name a cursor stands for, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string): string | undefined {
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]*$/.test(cursor)) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  return text.startsWith(PREFIX) && text.length > PREFIX.length ? text.slice(PREFIX.length) : undefined;
}
