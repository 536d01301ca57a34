import type { Diagnostic } from '../diagnostics/index.js';
import type { ImportedApp, ReportEntry } from './imported-app.js';
import { FORMAT_TITLES } from './imported-app.js';

/** The report of one import: every key of the source mapped or dropped, and the lint between each draft and certification. */
export interface ImportReport {
  format: ImportedApp['format'];
  entries: ReportEntry[];
  /** `aisle lint` findings on the drafts, by draft name. */
  lint: Record<string, Diagnostic[]>;
  /** Instance → what it became: a draft's name@version or a catalog reference. */
  components: Record<string, string>;
}

/**
 * Adds a `dropped` line for every key of the source no importer line covers (not the
 * key, an ancestor, or a descendant of it), so nothing is lost without a word.
 */
export function sweepSource(doc: unknown, entries: ReportEntry[]): ReportEntry[] {
  const covered = new Set(entries.map((e) => e.source));
  const prefixes = new Set<string>();
  for (const e of entries) {
    const parts = e.source.split('.');
    for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join('.'));
  }
  const out: ReportEntry[] = [];
  const stack: Array<[unknown, string]> = [[doc, '']];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (path !== '' && covered.has(path)) continue;
    if (path !== '' && !prefixes.has(path)) {
      out.push({ source: path, status: 'dropped', reason: 'not read by the importer: the manifest format has no place for it' });
      continue;
    }
    const children = Array.isArray(node) ? node.map((v, i) => [v, String(i)] as const) : typeof node === 'object' && node !== null ? Object.entries(node) : [];
    for (const [key, value] of children) stack.push([value, path === '' ? String(key) : `${path}.${String(key)}`]);
  }
  return out.sort((a, b) => a.source.localeCompare(b.source));
}

const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The report as Markdown (IMPORT-REPORT.md). */
export function reportMarkdown(report: ImportReport, appName: string, source: string): string {
  const lines = [`# Import report: ${appName}`, '', `Read ${source} as a ${FORMAT_TITLES[report.format]}.`, '', '## Components', ''];
  for (const [instance, what] of Object.entries(report.components)) lines.push(`- \`${instance}\`: ${what}`);
  const table = (status: ReportEntry['status'], title: string, header: string) => {
    const rows = report.entries.filter((e) => e.status === status);
    if (rows.length === 0) return;
    lines.push('', `## ${title}`, '', header, header.replace(/[^|]+/g, ' --- '));
    for (const e of rows)
      lines.push(
        status === 'dropped'
          ? `| \`${cell(e.source)}\` | ${cell(e.reason ?? '')} |`
          : `| \`${cell(e.source)}\` | ${cell(e.target ?? '')} | ${cell(e.reason ?? '')} |`,
      );
  };
  table('mapped', 'Mapped', '| source | to | note |');
  table('renamed', 'Renamed (unsafe names)', '| source | new name | why |');
  table('dropped', 'Dropped', '| source | why |');
  lines.push('', '## Lint: what stands between each draft and certification', '');
  const drafts = Object.entries(report.lint);
  if (drafts.length === 0) lines.push('No drafts: every service is a catalog component.');
  for (const [name, findings] of drafts) {
    lines.push(`### ${name}`, '');
    if (findings.length === 0) lines.push('No findings.');
    for (const d of findings) lines.push(`- ${d.severity} ${d.rule ?? d.code} at \`${d.path}\`: ${d.message}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
