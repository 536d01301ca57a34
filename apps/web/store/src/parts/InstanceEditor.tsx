import { wirePath, type BuilderInstance, type Wire } from '../builder-app';
import type { Problem } from '../download';
import { mustGive } from '../form-values';
import type { CatalogEntry } from '../pages/AppBuilderPage';
import { InputField } from './InputField';

/** One instance of the app builder: its name, its inputs, its wires, and its problems in place. */
export function InstanceEditor({
  instance,
  entry,
  outputs,
  problems,
  wireProblem,
  onChange,
  onRemove,
  newWireId,
}: {
  instance: BuilderInstance;
  entry: CatalogEntry | undefined;
  outputs: { instance: string; name: string; description: string }[];
  problems: Problem[];
  wireProblem: (w: Wire) => string | undefined;
  onChange: (change: Partial<BuilderInstance>) => void;
  onRemove: () => void;
  newWireId: () => number;
}) {
  const id = `i${instance.id}`;
  const wired = new Set(instance.wires.map((w) => w.target));
  const fieldProblem = (name: string) => problems.find((p) => p.path === `${instance.name}.inputs.${name}` && !wired.has(`input:${name}`))?.message;
  const placed = (p: Problem) =>
    entry?.inputs.some((i) => !wired.has(`input:${i.name}`) && p.path === `${instance.name}.inputs.${i.name}`) ||
    instance.wires.some((w) => p.path === wirePath(instance.name, w));
  const rest = problems.filter((p) => !placed(p));
  const setWire = (wireId: number, change: Partial<Wire>) => onChange({ wires: instance.wires.map((w) => (w.id === wireId ? { ...w, ...change } : w)) });
  return (
    <fieldset className="instance">
      <legend>
        {instance.name} <span className="muted">({entry?.title ?? instance.component})</span>
      </legend>
      <div className="field">
        <label htmlFor={`${id}-name`}>Instance name</label>
        <input id={`${id}-name`} value={instance.name} onChange={(e) => onChange({ name: e.target.value })} />
      </div>
      {rest.length > 0 && (
        <ul className="problems" role="alert">
          {rest.map((p, n) => (
            <li key={n}>
              {p.path}: {p.message}
            </li>
          ))}
        </ul>
      )}
      <details open={entry?.inputs.some(mustGive)}>
        <summary>Inputs of {instance.name}</summary>
        {entry?.inputs
          .filter((i) => !wired.has(`input:${i.name}`))
          .map((i) => (
            <InputField
              key={i.name}
              id={`${id}-input-${i.name}`}
              input={i}
              value={instance.values[i.name] ?? ''}
              problem={fieldProblem(i.name)}
              onChange={(v) => onChange({ values: { ...instance.values, [i.name]: v } })}
            />
          ))}
      </details>
      <h3>Wiring</h3>
      {instance.wires.length === 0 && <p className="muted">Nothing wired yet.</p>}
      <ul className="wires">
        {instance.wires.map((w, n) => {
          const problem = wireProblem(w);
          const wid = `${id}-wire${w.id}`;
          return (
            <li key={w.id} className={problem ? 'invalid' : undefined}>
              <div className="field">
                <label htmlFor={`${wid}-target`}>Wire {n + 1}: set</label>
                <select id={`${wid}-target`} value={w.target} onChange={(e) => setWire(w.id, { target: e.target.value })}>
                  <option value="env">an environment variable</option>
                  {entry?.inputs.map((i) => (
                    <option key={i.name} value={`input:${i.name}`}>
                      input {i.name}
                    </option>
                  ))}
                </select>
              </div>
              {w.target === 'env' && (
                <div className="field">
                  <label htmlFor={`${wid}-env`}>Variable name</label>
                  <input id={`${wid}-env`} value={w.envName} onChange={(e) => setWire(w.id, { envName: e.target.value })} placeholder="DATABASE_URL" />
                </div>
              )}
              <div className="field">
                <label htmlFor={`${wid}-from`}>from output</label>
                <select
                  id={`${wid}-from`}
                  value={w.from}
                  onChange={(e) => setWire(w.id, { from: e.target.value })}
                  aria-describedby={problem ? `${wid}-problem` : undefined}
                >
                  <option value="">Choose an output…</option>
                  {outputs.map((o) => (
                    <option key={`${o.instance}.${o.name}`} value={`${o.instance}.${o.name}`}>
                      {o.instance}.{o.name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="button" onClick={() => onChange({ wires: instance.wires.filter((x) => x.id !== w.id) })}>
                Remove wire {n + 1}
              </button>
              {problem && (
                <p id={`${wid}-problem`} className="problem" role="alert">
                  {problem}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <div className="actions">
        <button type="button" onClick={() => onChange({ wires: [...instance.wires, { id: newWireId(), target: 'env', envName: '', from: '' }] })}>
          Add wiring to {instance.name}
        </button>
        <button type="button" onClick={onRemove}>
          Remove {instance.name}
        </button>
      </div>
    </fieldset>
  );
}
