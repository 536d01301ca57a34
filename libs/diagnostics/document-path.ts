/**
 * The path of a problem with a whole document (too large, not a mapping, unreadable):
 * the file as shown, or `document` when there is none. Never empty, so every diagnostic
 * says where it is.
 */
export function documentPath(file?: string): string {
  return file !== undefined && file !== '' ? file : 'document';
}
