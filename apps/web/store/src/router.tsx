import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

// Three views on a plain path: /, /components/NAME, /app. The service answers each with the same page.

/** The view a path names. */
export type Route = { view: 'home' } | { view: 'component'; name: string } | { view: 'app' };

/** Reads a path as a route (an unknown path shows the home page). */
export function routeOf(pathname: string): Route {
  if (pathname.startsWith('/components/')) return { view: 'component', name: decodeURIComponent(pathname.slice('/components/'.length)) };
  if (pathname === '/app') return { view: 'app' };
  return { view: 'home' };
}

/** The current path, updated on navigation (links and the browser's back button). */
export function usePath(): string {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return path;
}

/** Goes to a path of the store without reloading the page. */
export function navigate(to: string): void {
  window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

/** A link inside the store: a real anchor (keyboard, middle click), followed without a reload. */
export function Link({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={onClick} {...rest} />;
}
