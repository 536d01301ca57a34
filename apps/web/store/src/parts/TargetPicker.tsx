import type { ArchiveFormat } from '../download';

export type TargetName = 'compose' | 'kubernetes' | 'helm';

const TARGETS: { value: TargetName; label: string }[] = [
  { value: 'compose', label: 'Docker Compose' },
  { value: 'kubernetes', label: 'Kubernetes' },
  { value: 'helm', label: 'Helm chart' },
];

/** Where the bundle is for, and which archive to download it as. */
export function TargetPicker({
  target,
  onTarget,
  format,
  onFormat,
}: {
  target: TargetName;
  onTarget: (t: TargetName) => void;
  format: ArchiveFormat;
  onFormat: (f: ArchiveFormat) => void;
}) {
  return (
    <div className="pickers">
      <fieldset className="radios">
        <legend>Target</legend>
        {TARGETS.map((t) => (
          <label key={t.value}>
            <input type="radio" name="target" value={t.value} checked={target === t.value} onChange={() => onTarget(t.value)} /> {t.label}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="format">Archive</label>
        <select id="format" value={format} onChange={(e) => onFormat(e.target.value as ArchiveFormat)}>
          <option value="zip">.zip</option>
          <option value="tar.gz">.tar.gz</option>
        </select>
      </div>
    </div>
  );
}
