import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Where log lines go: stdout by default, a buffer in tests. */
export type LogSink = (line: string) => void;

// Whatever a caller or a library (Fastify's own logger included) hands us, these never reach a line.
const REDACTED_PATHS = [
  'authorization',
  'token',
  'headers.authorization',
  'req.headers.authorization',
  'request.headers.authorization',
  '*.authorization',
  '*.token',
];

/**
 * Nest's logger (and, through `pino`, Fastify's) as one JSON object per line: `level`,
 * `time`, `msg`, then the fields. pino writes the lines; this class only adapts Nest's
 * LoggerService calls and keeps `write(level, msg, fields)` for our own entries. Callers
 * never pass tokens or input values (the redaction is a second fence); a stack is logged
 * only for internal errors, server side.
 */
export class JsonLogger implements LoggerService {
  readonly pino: Logger<never, boolean>;

  constructor(sink?: LogSink, level: LogLevel = 'info') {
    // Synchronous to stdout: `stopped`, and the last line before a failed start, must be written before process.exit.
    const destination = sink ? { write: sink } : pino.destination({ dest: 1, sync: true });
    this.pino = pino(
      {
        level,
        base: undefined,
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      },
      destination,
    );
  }

  /** Writes one structured entry; `msg` comes before the fields, so a line reads left to right. */
  write(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
    this.pino[level]({ msg, ...fields });
  }

  log(message: unknown, context?: string): void {
    this.write('info', String(message), context ? { context } : {});
  }

  warn(message: unknown, context?: string): void {
    this.write('warn', String(message), context ? { context } : {});
  }

  error(message: unknown, stackOrContext?: string, context?: string): void {
    const fields: Record<string, unknown> = {};
    if (context) fields.context = context;
    if (stackOrContext && context) fields.stack = stackOrContext;
    else if (stackOrContext) fields.context = stackOrContext;
    this.write('error', message instanceof Error ? message.message : String(message), fields);
  }

  debug(message: unknown, context?: string): void {
    this.write('debug', String(message), context ? { context } : {});
  }

  verbose(message: unknown, context?: string): void {
    this.debug(message, context);
  }
}
