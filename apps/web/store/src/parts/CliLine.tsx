import { useState } from 'react';

/** The command line that does what the form holds, with a button to copy it. */
export function CliLine({ line }: { line: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(line);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="cli">
      <label htmlFor="cli-line">The same from the command line (secrets left out)</label>
      <div className="cli-row">
        <input id="cli-line" readOnly value={line} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}
