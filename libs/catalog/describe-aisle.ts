import { AISLES } from './aisles.js';

/** An aisle's summary: its name, how many components it holds, and its sentence from the list of aisles. */
export function describeAisle(name: string, components: number): { name: string; components: number; description?: string } {
  const description = AISLES.find((a) => a.name === name)?.description;
  return description === undefined ? { name, components } : { name, components, description };
}
