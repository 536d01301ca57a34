import { cacheExchange, createClient, fetchExchange, type Client } from 'urql';
import { authHeaders } from './token';

/**
 * The GraphQL client of the store, for one token (or none). POST only: variables may
 * hold secrets typed into a form, and a URL ends up in logs.
 */
export function storeClient(token: string | undefined): Client {
  return createClient({
    url: '/graphql',
    preferGetMethod: false,
    exchanges: [cacheExchange, fetchExchange],
    fetchOptions: () => ({ headers: authHeaders(token) }),
  });
}
