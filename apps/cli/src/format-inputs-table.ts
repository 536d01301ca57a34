import type { InputDescription } from '../../../libs/inputs/index.js';
import { formatTable } from './format-table.js';

/**
 * The inputs table of `aisle show`, as a Helm chart's README lists its parameters: those
 * a user must give first, as the headers above it explain.
 */
export function formatInputsTable(inputs: readonly InputDescription[]): string {
  const rows = inputs.map(inputRow);
  return formatTable(
    ['NAME', 'TYPE', 'REQUIRED', 'DEFAULT', 'SECRET', 'DESCRIPTION'],
    [...rows.filter((r) => r[2] === 'yes'), ...rows.filter((r) => r[2] !== 'yes')],
    '  ',
  );
}

function inputRow(i: InputDescription): string[] {
  // Required in the schema but defaulted or generated: nobody has to give it, so it is not shown as required.
  const mustGive = i.required && i.default === undefined && !i.generated;
  const shownDefault = i.generated ? '(generated)' : i.default === undefined ? '' : i.default === '' ? '""' : String(i.default);
  const choices = i.enum ? ` (one of: ${i.enum.join(', ')})` : '';
  return [i.name, i.type, mustGive ? 'yes' : 'no', shownDefault, i.secret ? 'yes' : 'no', `${i.description}${choices}`];
}
