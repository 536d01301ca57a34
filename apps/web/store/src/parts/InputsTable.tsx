import { mustGive, type InputSpec } from '../form-values';

const COLUMNS = ['Name', 'Type', 'Required', 'Default', 'Secret', 'Description', 'Allowed values'];

function shown(value: unknown): string {
  return value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The inputs as a chart README's parameter table: name, type, required, default, secret, description, allowed values.
 * On a narrow screen each row stacks into a card, each cell under its column's name (data-label); the explicit roles
 * keep it a table for screen readers, which browsers forget once CSS changes the display of table elements.
 */
export function InputsTable({ inputs }: { inputs: readonly InputSpec[] }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Inputs table">
      <table role="table">
        <caption className="visually-hidden">Inputs</caption>
        <thead>
          <tr role="row">
            {COLUMNS.map((c) => (
              <th key={c} scope="col" role="columnheader">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {inputs.map((i) => (
            <tr key={i.name} role="row">
              <th scope="row" role="rowheader">
                <code>{i.name}</code>
              </th>
              <td role="cell" data-label="Type">
                {i.type}
              </td>
              <td role="cell" data-label="Required">
                {mustGive(i) ? 'yes' : 'no'}
              </td>
              <td role="cell" data-label="Default">
                {i.secret ? i.generated ? 'generated' : '' : i.default === undefined || i.default === null ? '' : <code>{shown(i.default)}</code>}
              </td>
              <td role="cell" data-label="Secret">
                {i.secret ? 'yes' : 'no'}
              </td>
              <td role="cell" data-label="Description">
                {i.description}
              </td>
              <td role="cell" data-label="Allowed values">
                {i.enum?.map(shown).join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
