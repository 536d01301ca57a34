import { AISLES } from './aisles.js';

/** An aisle's summary: its name, how many components and kits it holds, and its sentence from the list of aisles. */
export function describeAisle(name: string, components: number, kits = 0): { name: string; components: number; kits: number; description?: string } {
  const description = AISLES.find((a) => a.name === name)?.description;
  return description === undefined ? { name, components, kits } : { name, components, kits, description };
}
