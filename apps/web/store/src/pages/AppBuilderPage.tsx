import { useState } from 'react';
import { useClient, useQuery } from 'urql';
import { builderAppSpec, wirePath, type BuilderInstance, type Wire } from '../builder-app';
import { downloadBundle, saveText, type ArchiveFormat, type Problem } from '../download';
import { initialValues, instanceName, type InputSpec } from '../form-values';
import { InstanceEditor } from '../parts/InstanceEditor';
import { TargetPicker, type TargetName } from '../parts/TargetPicker';
import { BuilderCatalogQuery, BuilderComponentQuery, ComposePreviewQuery } from '../queries';
import { useDebounced } from '../useDebounced';

export interface CatalogEntry {
  name: string;
  title: string;
  inputs: InputSpec[];
  outputs: { name: string; description: string }[];
}

let nextId = 1;

/** The app builder: several components in one app, named, wired, checked as you go, downloaded as app.yaml and as a bundle. */
export default function AppBuilderPage({ token }: { token: string | undefined }) {
  const [{ data }] = useQuery({ query: BuilderCatalogQuery });
  const client = useClient();
  // Inputs and outputs of the components added so far (the whole catalog's would cost too much to ask at once).
  const [catalog, setCatalog] = useState<ReadonlyMap<string, CatalogEntry>>(new Map());
  const [appName, setAppName] = useState('my-app');
  const [instances, setInstances] = useState<BuilderInstance[]>([]);
  const [adding, setAdding] = useState('');
  const [target, setTarget] = useState<TargetName>('compose');
  const [format, setFormat] = useState<ArchiveFormat>('zip');
  const [refused, setRefused] = useState<Problem[]>([]);
  const [status, setStatus] = useState('');
  // A required input is not a problem before its field was touched or a download was tried: a new instance
  // should not open on a list of complaints about fields nobody has had a chance to fill in yet.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const inputsOf = (component: string) => catalog.get(component)?.inputs ?? [];
  const app = builderAppSpec(appName, instances, inputsOf);
  const checkedApp = useDebounced(app, 400);
  const [{ error: checkError }] = useQuery({ query: ComposePreviewQuery, variables: { app: checkedApp, target: 'COMPOSE' }, pause: instances.length === 0 });
  const live = (checkError?.graphQLErrors ?? [])
    .flatMap((g) => (g.extensions?.problems as Problem[] | undefined) ?? [{ code: 'ERROR', path: 'app', message: g.message }])
    .filter((p) => attempted || p.code !== 'INPUT_REQUIRED' || touched.has(p.path));
  const problems = refused.length > 0 ? refused : live;

  const add = async () => {
    let entry = catalog.get(adding);
    if (!entry) {
      const result = await client.query(BuilderComponentQuery, { name: adding }).toPromise();
      const c = result.data?.component;
      if (!c) return setStatus(`${adding} could not be loaded.`);
      entry = { name: c.name, title: c.latest.title, inputs: c.latest.inputs as InputSpec[], outputs: c.latest.outputs };
      const loaded = entry;
      setCatalog((known) => new Map(known).set(c.name, loaded));
    }
    const base = instanceName(entry.name);
    let name = base;
    for (let n = 2; instances.some((i) => i.name === name); n++) name = `${base}-${n}`;
    const added: BuilderInstance = { id: nextId++, name, component: entry.name, values: initialValues(entry.inputs), wires: [] };
    setInstances((current) => [...current, added]);
    setRefused([]);
    setStatus(`Added ${name}.`);
  };
  const update = (id: number, change: Partial<BuilderInstance>) => {
    const before = instances.find((i) => i.id === id);
    if (before && change.values) {
      const edited = Object.keys(change.values).filter((name) => change.values![name] !== before.values[name]);
      if (edited.length > 0) setTouched((known) => new Set([...known, ...edited.map((name) => `${before.name}.inputs.${name}`)]));
    }
    setInstances(instances.map((i) => (i.id === id ? { ...i, ...change } : i)));
    setRefused([]);
  };
  const remove = (id: number) => {
    setInstances(instances.filter((i) => i.id !== id));
    setRefused([]);
  };
  const download = async () => {
    setAttempted(true);
    setStatus('Preparing the download…');
    const found = await downloadBundle(app, target, format, token);
    setRefused(found);
    setStatus(found.length > 0 ? 'Not downloaded: fix the problems shown.' : `Downloaded bundle-${target}.${format}.`);
  };

  // Each problem at its place: a wire, a field, an instance; the rest above the list.
  const claimed = new Set<Problem>();
  const problemsFor = (name: string) => {
    const mine = problems.filter((p) => p.path === name || p.path.startsWith(`${name}.`));
    mine.forEach((p) => claimed.add(p));
    return mine;
  };
  const perInstance = new Map(instances.map((i) => [i.id, problemsFor(i.name)]));
  const general = problems.filter((p) => !claimed.has(p));
  const outputs = instances.flatMap((i) => (catalog.get(i.component)?.outputs ?? []).map((o) => ({ instance: i.name, ...o })));

  return (
    <>
      <h1>App builder</h1>
      <p className="lead">
        Put several components in one app, name them, wire an input to another instance’s output, then download the app spec and the bundle.
      </p>
      <div className="field">
        <label htmlFor="app-name">App name</label>
        <input id="app-name" value={appName} onChange={(e) => setAppName(e.target.value)} />
      </div>
      <div className="add-row">
        <div className="field">
          <label htmlFor="add-component">Component to add</label>
          <select id="add-component" value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">Choose a component…</option>
            {data?.components.nodes.map((c) => (
              <option key={c.name} value={c.name}>
                {c.latest.title} ({c.name}){c.visibility === 'PRIVATE' ? ' (private)' : ''}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={add} disabled={!adding}>
          Add to app
        </button>
      </div>
      {general.length > 0 && (
        <ul className="problems" role="alert" aria-label="Problems with the app">
          {general.map((p, n) => (
            <li key={n}>
              {p.path}: {p.message}
            </li>
          ))}
        </ul>
      )}
      <h2>Instances</h2>
      {instances.length === 0 && <p className="muted">No component yet: choose one above and add it.</p>}
      {instances.map((i) => (
        <InstanceEditor
          key={i.id}
          instance={i}
          entry={catalog.get(i.component)}
          outputs={outputs.filter((o) => o.instance !== i.name)}
          problems={perInstance.get(i.id) ?? []}
          wireProblem={(w: Wire) => problems.find((p) => p.path === wirePath(i.name, w))?.message}
          onChange={(change) => update(i.id, change)}
          onRemove={() => remove(i.id)}
          newWireId={() => nextId++}
        />
      ))}
      {instances.length > 0 && (
        <section aria-labelledby="take-title" className="take-home">
          <h2 id="take-title">Take it home</h2>
          <TargetPicker target={target} onTarget={setTarget} format={format} onFormat={setFormat} />
          <div className="actions">
            <button type="button" onClick={() => saveText(app, 'app.yaml')}>
              Download app.yaml
            </button>
            <button type="button" className="primary" onClick={download}>
              Download bundle
            </button>
          </div>
          <p role="status" className="muted">
            {status}
          </p>
          <details>
            <summary>app.yaml</summary>
            <pre tabIndex={0}>{app}</pre>
          </details>
        </section>
      )}
    </>
  );
}
