import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aisle } from './cli-in-process.js';

const ROOT = join(__dirname, '../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The rows of the README table whose header row is `header`, cells unquoted (backticks, `\|`). */
function readmeTable(header: string): string[][] {
  const lines = readme.split('\n');
  const start = lines.indexOf(header);
  expect(start, `README has no table headed ${header}`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) =>
        c
          .trim()
          .replace(/\\\|/g, '|')
          .replace(/^`(.*)`$/, '$1'),
      );
    rows.push(cells);
  }
  return rows;
}

/** `  LABEL  DESCRIPTION` lines of a help block, until the first blank line. */
function helpBlock(help: string, title: string): Array<[string, string]> {
  const lines = help.split('\n');
  const start = lines.indexOf(title);
  if (start < 0) return [];
  const block: Array<[string, string]> = [];
  for (const line of lines.slice(start + 1)) {
    const m = /^ {2}(\S(?:\S| (?! ))*) {2,}(.*)$/.exec(line);
    if (!m) break;
    block.push([m[1]!, m[2]!]);
  }
  return block;
}

describe('the README’s command tables and every --help agree (issue 10)', () => {
  it('lists the same commands, in the same order, with the same usage and summary', async () => {
    const overview = (await aisle(['--help'], ROOT)).out;
    const commands = helpBlock(overview, 'commands:');
    expect(commands.length).toBeGreaterThan(5);
    const rows = readmeTable('| command | does |');
    expect(rows.map((r) => r[0]!.split(' ')[1])).toEqual(commands.map(([name]) => name));
    for (const [name, summary] of commands) {
      const help = await aisle([name, '--help'], ROOT);
      expect(help.code).toBe(0);
      const [usageLine, , summaryLine] = help.out.split('\n');
      const row = rows.find((r) => r[0]!.split(' ')[1] === name)!;
      expect({ name, usage: row[0], does: row[1] }).toEqual({ name, usage: usageLine!.replace(/^usage: /, ''), does: summaryLine });
      expect(summaryLine).toBe(summary);
    }
  });

  it('lists every option with the commands that take it and the words of --help', async () => {
    const overview = (await aisle(['--help'], ROOT)).out;
    const fromHelp = new Map<string, { commands: string[]; does: string }>();
    for (const [name] of helpBlock(overview, 'commands:')) {
      const help = (await aisle([name, '--help'], ROOT)).out;
      const usage = help.split('\n')[0]!;
      for (const [label, does] of helpBlock(help, 'options:')) {
        // The usage line shows each of the command's own options as help writes it.
        expect(usage, `${name}: usage does not show ${label}`).toContain(label);
        const seen = fromHelp.get(label) ?? { commands: [], does };
        expect({ label, does }, `${label} is described in two ways`).toEqual({ label, does: seen.does });
        seen.commands.push(name);
        fromHelp.set(label, seen);
      }
      for (const [label, does] of helpBlock(help, 'global options:')) fromHelp.set(label, { commands: ['all'], does });
    }
    const rows = readmeTable('| option | commands | does |').map(([label, commands, does]) => ({ label, commands, does }));
    const expected = [...fromHelp].map(([label, o]) => ({ label, commands: o.commands.join(', '), does: o.does }));
    const byLabel = (a: { label?: string }, b: { label?: string }) => a.label!.localeCompare(b.label!);
    expect(rows.sort(byLabel)).toEqual(expected.sort(byLabel));
  });
});
