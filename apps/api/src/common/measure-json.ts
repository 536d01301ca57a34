/** The shape of a JSON value, as far as a walk bounded by limits went. */
export interface JsonMeasure {
  /** Arrays and objects nested in one another (a scalar is 0 deep). */
  depth: number;
  /** Every value: scalars, arrays and objects. */
  values: number;
  /** About the characters of its JSON text (keys and strings counted, punctuation roughly). */
  length: number;
  /** Where the walk stopped: the first place nested deeper than maxDepth, or past maxValues or maxLength. */
  stoppedAt?: string;
  /** Where the first number lies that JSON cannot carry: `1e309` parses as Infinity, which prints as null. */
  infiniteAt?: string;
}

/** How far measureJson walks. */
export interface JsonLimits {
  maxDepth: number;
  maxValues: number;
  maxLength?: number;
}

/**
 * Walks a parsed JSON value without recursion (a value nested 100,000 deep is measured,
 * not a stack overflow) and stops as soon as it is deeper than `maxDepth`, holds more
 * than `maxValues` values or is longer than `maxLength`, so measuring costs no more than
 * the limits allow.
 */
export function measureJson(value: unknown, limits: JsonLimits, root = ''): JsonMeasure {
  const measure: JsonMeasure = { depth: 0, values: 0, length: 0 };
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    measure.values++;
    measure.depth = Math.max(measure.depth, depth);
    if (depth > limits.maxDepth || measure.values > limits.maxValues) {
      measure.stoppedAt = path;
      return measure;
    }
    if (typeof v === 'string') measure.length += v.length + 2;
    else if (typeof v === 'number') {
      measure.length += 8;
      if (measure.infiniteAt === undefined && !Number.isFinite(v)) measure.infiniteAt = path;
    } else if (Array.isArray(v)) {
      measure.length += 2;
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: `${path}[${i}]`, depth: depth + 1 });
    } else if (typeof v === 'object' && v !== null) {
      measure.length += 2;
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        measure.length += key.length + 4;
        stack.push({ value: child, path: path ? `${path}.${key}` : key, depth: depth + 1 });
      }
    } else measure.length += 5;
    if (measure.length > (limits.maxLength ?? Infinity)) {
      measure.stoppedAt = path;
      return measure;
    }
  }
  return measure;
}
