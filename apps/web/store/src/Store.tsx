import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { storeClient } from './client';
import { HomePage } from './pages/HomePage';
import { Link, routeOf, usePath } from './router';
import { TokenBox } from './parts/TokenBox';
import { readToken, writeToken } from './token';

// The component page and the app builder load their own code (Markdown, highlighting, YAML): the home page stays small.
const ComponentPage = lazy(() => import('./pages/ComponentPage'));
const AppBuilderPage = lazy(() => import('./pages/AppBuilderPage'));

/** The storefront: a header, then the view the path names. */
export function Store() {
  const path = usePath();
  const route = routeOf(path);
  const [token, setToken] = useState(readToken);
  const client = useMemo(() => storeClient(token), [token]);
  const changeToken = (t: string | undefined) => {
    writeToken(t);
    setToken(t);
  };
  useEffect(() => {
    document.title =
      route.view === 'component' ? `${route.name} — Aisle` : route.view === 'app' ? 'App builder — Aisle' : 'Aisle — a hardware store for containers';
  }, [route.view, route.view === 'component' ? route.name : '']);
  return (
    <Provider value={client}>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <nav aria-label="Store">
          <Link href="/" className="brand">
            Aisle
          </Link>
          <Link href="/">Components</Link>
          <Link href="/app">App builder</Link>
          <a href="/graphql">GraphQL</a>
        </nav>
        <TokenBox token={token} onChange={changeToken} />
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p role="status">Loading…</p>}>
          {route.view === 'home' && <HomePage />}
          {route.view === 'component' && <ComponentPage key={`${route.name}|${token ?? ''}`} name={route.name} token={token} />}
          {route.view === 'app' && <AppBuilderPage token={token} />}
        </Suspense>
      </main>
    </Provider>
  );
}
