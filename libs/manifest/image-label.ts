import type { ImageDeclaration } from './manifest.js';

/** How to show a manifest's image: `repo:tag`, or `(from input "image")` for generic components. */
export function imageLabel(image: ImageDeclaration): string {
  if ('input' in image) return `(from input "${image.input}")`;
  return `${image.repository}:${image.tag}${image.digest ? `@${image.digest}` : ''}`;
}
