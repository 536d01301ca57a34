import { describe, expect, it } from 'vitest';
import type { InputProperty } from '../manifest/index.js';
import { migrateInputs } from './migrate-inputs.js';

const p = (extra: Partial<InputProperty> = {}): InputProperty => ({ type: 'string', description: 'x', ...extra });

describe('migrateInputs', () => {
  it('renames, maps enum values and sets a new input from a template over the earlier values', () => {
    const r = migrateInputs(
      { maxConn: 250, mode: 'fast' },
      { maxConn: 250, mode: 'fast', region: 'eu' },
      [
        { rename: { input: 'maxConn', to: 'maxConnections' } },
        { map: { input: 'mode', values: { fast: 'quick' } } },
        { set: { input: 'zone', template: '${{ inputs.region }}-1' } },
      ],
      { maxConnections: p({ type: 'integer' }), mode: p(), zone: p() },
    );
    expect(r.inputs).toEqual({ maxConnections: 250, mode: 'quick', zone: 'eu-1' });
    expect(r.applied).toEqual(['renamed maxConn to maxConnections', 'mapped mode from fast to quick', 'set zone to eu-1']);
    expect(r.lost).toEqual([]);
  });

  it('keeps a value the user gave over a set migration, and one template reference keeps its type', () => {
    expect(migrateInputs({ zone: 'mine' }, {}, [{ set: { input: 'zone', value: 'x' } }], { zone: p() }).inputs).toEqual({ zone: 'mine' });
    expect(migrateInputs({}, { port: 5432 }, [{ set: { input: 'p', template: '${{ inputs.port }}' } }], { p: p({ type: 'integer' }) }).inputs).toEqual({
      p: 5432,
    });
  });

  it('says which value would be lost: a drop of a value the user set, or an input the new version lacks', () => {
    const r = migrateInputs({ legacy: 'on', gone: 'x', kept: 'y' }, {}, [{ drop: { input: 'legacy' } }], { kept: p() });
    expect(r.inputs).toEqual({ kept: 'y' });
    expect(r.lost.map((l) => l.input)).toEqual(['legacy', 'gone']);
  });

  it('never quotes a secret it sets, and reports a template naming an input the earlier version lacked', () => {
    const secret = migrateInputs({}, { pw: 'hunter2hunter2' }, [{ set: { input: 'pass', template: '${{ inputs.pw }}' } }], { pass: p({ writeOnly: true }) });
    expect(secret.applied).toEqual(['set pass']);
    const bad = migrateInputs({}, {}, [{ set: { input: 'zone', template: '${{ inputs.nope }}' } }], { zone: p() });
    expect(bad.problems).toEqual([{ input: 'zone', message: expect.stringContaining('inputs.nope') }]);
  });

  it('applies only when the input is there', () => {
    expect(migrateInputs({}, {}, [{ rename: { input: 'a', to: 'b' } }, { drop: { input: 'c' } }], { b: p() })).toEqual({
      inputs: {},
      applied: [],
      lost: [],
      problems: [],
    });
  });
});
