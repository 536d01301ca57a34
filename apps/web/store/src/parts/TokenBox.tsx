import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { ViewerQuery } from '../queries';

/** Paste a token once: it is kept for this browser session only, and the organization's private components appear. */
export function TokenBox({ token, onChange }: { token: string | undefined; onChange: (token: string | undefined) => void }) {
  const [draft, setDraft] = useState('');
  const [{ data, error }] = useQuery({ query: ViewerQuery, pause: !token });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.trim()) onChange(draft.trim());
    setDraft('');
  };
  if (token) {
    return (
      <div className="token">
        <span role="status">
          {error ? 'The token was refused' : data?.viewer.organization ? `Signed in as ${data.viewer.organization}` : 'Checking the token…'}
        </span>
        <button type="button" onClick={() => onChange(undefined)}>
          Forget token
        </button>
      </div>
    );
  }
  return (
    <form className="token" onSubmit={submit}>
      <label htmlFor="token">Organization token</label>
      <input id="token" type="password" autoComplete="off" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="kept for this session only" />
      <button type="submit">Use token</button>
    </form>
  );
}
