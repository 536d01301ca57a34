import type { LoggerService } from '@nestjs/common';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Where log lines go: stdout by default, a buffer in tests. */
export type LogSink = (line: string) => void;

/**
 * Nest's logger as one JSON object per line (`time`, `level`, `context`, `msg`, extra
 * fields). Callers never pass tokens or input values; a stack is logged only for
 * internal errors, server side.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly sink: LogSink = (line) => process.stdout.write(line),
    private readonly level: LogLevel = 'info',
  ) {}

  /** Writes one structured entry. */
  write(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
    if (RANK[level] < RANK[this.level]) return;
    this.sink(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
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
