import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Badges } from '../parts/Badges';
import { StoreHomeQuery } from '../queries';
import { Link } from '../router';
import { useDebounced } from '../useDebounced';

/** Aisles with counts, a search box, filters and the component cards. */
export function HomePage() {
  const [search, setSearch] = useState('');
  const [aisle, setAisle] = useState('');
  const [certifiedOnly, setCertifiedOnly] = useState(false);
  const [provides, setProvides] = useState('');
  const words = useDebounced(search.trim(), 200);
  const [{ data, fetching, error }] = useQuery({
    query: StoreHomeQuery,
    variables: { search: words || null, aisle: aisle || null, certifiedOnly: certifiedOnly || null },
  });
  const nodes = data?.components.nodes ?? [];
  const interfaces = useMemo(() => [...new Set(nodes.flatMap((n) => n.latest.provides))].sort(), [nodes]);
  const shown = provides ? nodes.filter((n) => n.latest.provides.includes(provides)) : nodes;
  return (
    <>
      <h1>Certified components for your containers</h1>
      <p className="lead">Pick a component, fill in a few inputs, and take home a bundle for Docker Compose, Kubernetes or Helm.</p>
      <section aria-labelledby="aisles-title" className="aisles">
        <h2 id="aisles-title">Aisles</h2>
        <ul>
          <li>
            <button type="button" aria-pressed={aisle === ''} onClick={() => setAisle('')}>
              All aisles
            </button>
          </li>
          {data?.aisles.map((a) => (
            <li key={a.name}>
              <button type="button" aria-pressed={aisle === a.name} onClick={() => setAisle(a.name)} title={a.description ?? undefined}>
                {a.name} <span className="count">{a.components}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="search">Search components</label>
          <input id="search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="e.g. postgres" />
        </div>
        <div className="field">
          <label htmlFor="aisle">Aisle</label>
          <select id="aisle" value={aisle} onChange={(e) => setAisle(e.target.value)}>
            <option value="">All aisles</option>
            {data?.aisles.map((a) => (
              <option key={a.name} value={a.name}>
                {a.name} ({a.components})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="provides">Provides</label>
          <select id="provides" value={provides} onChange={(e) => setProvides(e.target.value)}>
            <option value="">Any interface</option>
            {interfaces.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </select>
        </div>
        <div className="field check">
          <input id="certified" type="checkbox" checked={certifiedOnly} onChange={(e) => setCertifiedOnly(e.target.checked)} />
          <label htmlFor="certified">Certified only</label>
        </div>
      </form>
      <section aria-labelledby="results-title">
        <h2 id="results-title">Components</h2>
        <p role="status" className="muted">
          {error ? 'The store could not be reached.' : fetching && !data ? 'Loading…' : `${shown.length} of ${data?.components.totalCount ?? 0} shown`}
        </p>
        <ul className="cards">
          {shown.map((c) => (
            <li key={c.name} className="card">
              <h3>
                <Link href={`/components/${c.name}`}>{c.latest.title}</Link>
              </h3>
              <p className="meta">
                <span>{c.name}</span> · <span>{c.aisle}</span> · <span>v{c.latest.version}</span>
              </p>
              <Badges certified={c.latest.certification.verified} deprecated={c.latest.deprecated} isPrivate={c.visibility === 'PRIVATE'} />
              <p className="description">{c.latest.description}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
