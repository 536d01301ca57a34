import { describe, expect, it } from 'vitest';
import { evaluateTemplate, type ReferenceResolver } from './evaluate-template.js';

const resolver: ReferenceResolver = (ref) => {
  if (ref.join('.') === 'host') return { value: 'db', secret: false, parts: [{ kind: 'host', instance: 'db' }] };
  if (ref.join('.') === 'inputs.password')
    return { value: 'p@ss word', secret: true, parts: [{ kind: 'input', instance: 'db', input: 'password', filters: [] }] };
  if (ref.join('.') === 'inputs.gone') return { silent: true };
  return { code: 'TEMPLATE_INVALID', message: `unknown ${ref.join('.')}` };
};

describe('evaluateTemplate', () => {
  it('substitutes references, applies filters to values and parts, and marks secrets', () => {
    const r = evaluateTemplate('u:${{ inputs.password | urlencode }}@${{ host | urlencode }}/$${{ x }}', resolver);
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual({
      value: 'u:p%40ss%20word@db/${{ x }}',
      secret: true,
      parts: [
        { kind: 'text', text: 'u:' },
        { kind: 'input', instance: 'db', input: 'password', filters: ['urlencode'] },
        { kind: 'text', text: '@' },
        { kind: 'host', instance: 'db' },
        { kind: 'text', text: '/${{ x }}' },
      ],
    });
  });

  it('reports unknown references and malformed ones, and stays silent when told to', () => {
    expect(evaluateTemplate('${{ nope }} ${{ bad', resolver).problems.map((p) => p.message)).toEqual(['unclosed "${{" at character 13', 'unknown nope']);
    expect(evaluateTemplate('${{ inputs.gone }}', resolver)).toEqual({ problems: [] });
  });

  it('never throws on text that is not well-formed Unicode (issue 8, item 9)', () => {
    const lone: ReferenceResolver = () => ({ value: 'a\uD800b', secret: true, parts: [{ kind: 'text', text: 'x\uDC00' }] });
    const r = evaluateTemplate('${{ inputs.password | urlencode }}', lone);
    expect(r.problems).toEqual([]);
    expect(r.value?.value).toBe('a%EF%BF%BDb');
    expect(r.value?.parts).toEqual([{ kind: 'text', text: 'x%EF%BF%BD' }]);
  });
});
