import hljs from 'highlight.js/lib/core';
import ini from 'highlight.js/lib/languages/ini';
import json from 'highlight.js/lib/languages/json';
import yaml from 'highlight.js/lib/languages/yaml';
import { useMemo, useState } from 'react';
import { maskSecrets } from '../mask-secrets';

hljs.registerLanguage('yaml', yaml);
hljs.registerLanguage('ini', ini);
hljs.registerLanguage('json', json);

function languageOf(path: string): string | undefined {
  if (/\.(ya?ml|lock)$/.test(path)) return 'yaml';
  if (/(^|\/)\.env$|\.env$/.test(path)) return 'ini';
  if (path.endsWith('.json')) return 'json';
  return undefined;
}

/**
 * The files of a bundle, one at a time, syntax-highlighted, secrets masked until the
 * user reveals them. highlight.js escapes the text it is given: what it returns holds
 * only its own <span> marks around escaped text.
 */
export function BundlePreview({ files, typedSecrets }: { files: readonly { path: string; content: string }[]; typedSecrets: readonly string[] }) {
  const [chosen, setChosen] = useState(files[0]?.path ?? '');
  const [revealed, setRevealed] = useState(false);
  const file = files.find((f) => f.path === chosen) ?? files[0];
  const html = useMemo(() => {
    if (!file) return '';
    const text = revealed ? file.content : maskSecrets(file.path, file.content, typedSecrets);
    const language = languageOf(file.path);
    return language ? hljs.highlight(text, { language }).value : hljs.highlight(text, { language: 'plaintext' }).value;
  }, [file, revealed, typedSecrets]);
  if (!file) return null;
  return (
    <div className="preview">
      <div className="preview-bar">
        <label htmlFor="preview-file">File</label>
        <select id="preview-file" value={file.path} onChange={(e) => setChosen(e.target.value)}>
          {files.map((f) => (
            <option key={f.path} value={f.path}>
              {f.path}
            </option>
          ))}
        </select>
        <button type="button" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
          {revealed ? 'Hide secrets' : 'Reveal secrets'}
        </button>
      </div>
      <pre tabIndex={0} aria-label={`Content of ${file.path}`}>
        {/* eslint-disable-next-line no-restricted-syntax -- highlight.js escapes the text; its output is only its own spans */}
        <code className="hljs" dangerouslySetInnerHTML={{ __html: html }} />
      </pre>
    </div>
  );
}
