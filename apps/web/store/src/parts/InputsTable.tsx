import type { InputSpec } from '../form-values';

function shown(value: unknown): string {
  return value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}

/** The inputs as a chart README's parameter table: name, type, required, default, secret, description, allowed values. */
export function InputsTable({ inputs }: { inputs: readonly InputSpec[] }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Inputs table">
      <table>
        <caption className="visually-hidden">Inputs</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Required</th>
            <th scope="col">Default</th>
            <th scope="col">Secret</th>
            <th scope="col">Description</th>
            <th scope="col">Allowed values</th>
          </tr>
        </thead>
        <tbody>
          {inputs.map((i) => (
            <tr key={i.name}>
              <th scope="row">
                <code>{i.name}</code>
              </th>
              <td>{i.type}</td>
              <td>{i.required ? 'yes' : 'no'}</td>
              <td>{i.secret ? i.generated ? 'generated' : '' : <code>{shown(i.default)}</code>}</td>
              <td>{i.secret ? 'yes' : 'no'}</td>
              <td>{i.description}</td>
              <td>{i.enum?.map(shown).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
