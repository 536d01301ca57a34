import { describe, expect, it } from 'vitest';
import { JsonLogger, type LogLevel } from './json-logger.js';

function linesAt(level: LogLevel, log: (logger: JsonLogger) => void): Array<Record<string, unknown>> {
  const lines: string[] = [];
  const logger = new JsonLogger((line) => lines.push(line), level);
  log(logger);
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('JsonLogger (pino)', () => {
  it('writes one JSON object per line: level as a word, an ISO time, msg before the fields', () => {
    const [line] = linesAt('info', (l) => l.write('info', 'listening', { url: 'http://127.0.0.1:3000/graphql' }));
    expect(Object.keys(line!)).toEqual(['level', 'time', 'msg', 'url']);
    expect(line).toMatchObject({ level: 'info', msg: 'listening' });
    expect(new Date(line!.time as string).toISOString()).toBe(line!.time);
  });

  it('LOG_LEVEL drops what is below it', () => {
    const all = (l: JsonLogger) => (['debug', 'info', 'warn', 'error'] as const).forEach((level) => l.write(level, level));
    expect(linesAt('warn', all).map((l) => l.msg)).toEqual(['warn', 'error']);
    expect(linesAt('debug', all).map((l) => l.msg)).toEqual(['debug', 'info', 'warn', 'error']);
  });

  it('redacts an authorization header or a token wherever a caller hands one', () => {
    const lines = linesAt('info', (l) => {
      l.write('warn', 'request', { headers: { authorization: 'Bearer aisle_secret1' }, token: 'aisle_secret2' });
      l.pino.child({ context: 'fastify' }).error({ req: { headers: { authorization: 'Bearer aisle_secret3' } } }, 'failed');
    });
    expect(JSON.stringify(lines)).not.toMatch(/aisle_secret/);
    expect(lines[0]).toMatchObject({ headers: { authorization: '[redacted]' }, token: '[redacted]' });
  });

  it("adapts Nest's LoggerService calls: context, and a stack only beside a context", () => {
    const lines = linesAt('debug', (l) => {
      l.log('started', 'NestApplication');
      l.error('boom', 'Error: boom\n    at x', 'ExceptionHandler');
      l.verbose('detail');
    });
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', msg: 'started', context: 'NestApplication' }),
      expect.objectContaining({ level: 'error', msg: 'boom', context: 'ExceptionHandler', stack: 'Error: boom\n    at x' }),
      expect.objectContaining({ level: 'debug', msg: 'detail' }),
    ]);
  });
});
