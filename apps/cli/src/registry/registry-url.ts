import { UsageError } from '../parse-args.js';

/**
 * A service address as the user typed it (`https://aisle.acme.example`, with or without
 * `/graphql` or a trailing slash) in one spelling: the key of a stored login and the base
 * of the GraphQL endpoint. Only http and https; no user name or password in the URL, so a
 * secret never lands in the config file or a message through it.
 */
export function normalizeRegistryUrl(text: string, from: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${from} must be the address of an Aisle service, such as https://aisle.example.com`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${from} must start with http:// or https://`);
  if (url.username !== '' || url.password !== '') throw new UsageError(`${from} must not carry a user name or password; give the token to aisle login instead`);
  if (url.search !== '' || url.hash !== '') throw new UsageError(`${from} must not carry a query or fragment`);
  const path = url.pathname.replace(/\/+$/, '').replace(/\/graphql$/, '');
  return `${url.origin}${path}`;
}

/** The GraphQL endpoint of a normalized service address. */
export function graphqlEndpoint(registry: string): string {
  return `${registry}/graphql`;
}
