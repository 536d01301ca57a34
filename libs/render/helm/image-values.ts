/** An image reference split the way charts expose it in values. */
export interface ImageValues {
  repository: string;
  tag: string;
  digest?: string;
}

/** Splits `repository:tag[@sha256:…]` (a registry port's colon stays in the repository). */
export function imageValues(image: string): ImageValues {
  const at = image.indexOf('@');
  const name = at < 0 ? image : image.slice(0, at);
  const digest = at < 0 ? undefined : image.slice(at + 1);
  const colon = name.lastIndexOf(':');
  const tagged = colon > name.lastIndexOf('/');
  const out: ImageValues = { repository: tagged ? name.slice(0, colon) : name, tag: tagged ? name.slice(colon + 1) : '' };
  if (digest) out.digest = digest;
  return out;
}
