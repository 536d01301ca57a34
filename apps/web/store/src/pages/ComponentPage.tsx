import { useState } from 'react';
import { useQuery } from 'urql';
import type { InputSpec } from '../form-values';
import { Badges } from '../parts/Badges';
import { GetItForm } from '../parts/GetItForm';
import { InputsTable } from '../parts/InputsTable';
import { Notes } from '../parts/Notes';
import { ComponentPageQuery } from '../queries';
import { Link } from '../router';

/** A component: its description and notes, versions, certification, interfaces, inputs, outputs, and the "Get it" form. */
export default function ComponentPage({ name, token }: { name: string; token: string | undefined }) {
  const [range, setRange] = useState('*');
  const [{ data, fetching, error }] = useQuery({ query: ComponentPageQuery, variables: { name, range } });
  if (error) return <p role="alert">The store could not be reached: {error.message}</p>;
  if (fetching && !data) return <p role="status">Loading…</p>;
  const c = data?.component;
  if (!c) {
    return (
      <>
        <h1>No component named {name}</h1>
        <p>
          It does not exist, or it is private to an organization. <Link href="/">Back to the store</Link>
        </p>
      </>
    );
  }
  const v = c.version;
  if (!v)
    return (
      <p role="alert">
        No version of {name} matches {range}.
      </p>
    );
  const cert = v.certification;
  return (
    <article className="component">
      <p className="crumbs">
        <Link href="/">Components</Link> / {v.aisle}
      </p>
      <h1>{v.title}</h1>
      <p className="meta">
        <code>{c.name}</code> · {v.aisle} · by {v.publisher} · {v.license} · <code>{v.image}</code>
      </p>
      <Badges certified={cert.verified} deprecated={v.deprecated} isPrivate={c.visibility === 'PRIVATE'} />
      {v.deprecated && (
        <p className="warning">
          Version {v.version} is deprecated: {v.deprecated}
        </p>
      )}
      <p className="description">{v.description}</p>
      <div className="columns">
        <section aria-labelledby="versions-title">
          <h2 id="versions-title">Versions</h2>
          <div className="field">
            <label htmlFor="version">Version</label>
            <select id="version" value={v.version} onChange={(e) => setRange(e.target.value)}>
              {c.versions.map((x) => (
                <option key={x.version} value={x.version}>
                  {x.version}
                  {x.version === c.latest.version ? ' (latest)' : ''}
                  {x.deprecated ? ' (deprecated)' : ''}
                </option>
              ))}
            </select>
          </div>
          <ul className="versions">
            {c.versions.map((x) => (
              <li key={x.version}>
                {x.version}
                {x.deprecated && <span className="badge deprecated">Deprecated</span>}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="cert-title">
          <h2 id="cert-title">Certification</h2>
          <dl className="facts">
            <dt>Level</dt>
            <dd>{cert.level}</dd>
            <dt>Certifier key</dt>
            <dd>{cert.certifier ? <code>{cert.certifier}</code> : 'none'}</dd>
            <dt>Issued</dt>
            <dd>{cert.issuedAt ?? 'never'}</dd>
            <dt>Verified</dt>
            <dd>{cert.verified ? 'yes: the signature checks out against a trusted key' : `no${cert.reason ? `: ${cert.reason}` : ''}`}</dd>
          </dl>
        </section>
        <section aria-labelledby="provides-title">
          <h2 id="provides-title">Provides</h2>
          <ul className="tags">
            {v.provides.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </section>
      </div>
      <section aria-labelledby="inputs-title">
        <h2 id="inputs-title">Inputs</h2>
        <InputsTable inputs={v.inputs as InputSpec[]} />
      </section>
      <section aria-labelledby="outputs-title">
        <h2 id="outputs-title">Outputs</h2>
        <dl className="facts">
          {v.outputs.map((o) => (
            <div key={o.name}>
              <dt>
                <code>{o.name}</code>
              </dt>
              <dd>{o.description}</dd>
            </div>
          ))}
        </dl>
      </section>
      <GetItForm key={v.version} component={c.name} version={v.version} inputs={v.inputs as InputSpec[]} token={token} />
      {v.notes && (
        <section aria-labelledby="notes-title">
          <h2 id="notes-title">Notes</h2>
          <Notes text={v.notes} />
        </section>
      )}
    </article>
  );
}
