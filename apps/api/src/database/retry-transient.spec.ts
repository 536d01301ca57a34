import { QueryRunnerAlreadyReleasedError, type DataSource, type EntityManager } from 'typeorm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatabaseUnavailableError } from './database-unavailable-error.js';
import { retryRead, retryTransaction } from './retry-transient.js';

const terminated = () => Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
const violated = () => Object.assign(new Error('duplicate key'), { code: '23505' });

/** A DataSource whose transaction runs the work, then a commit step that may fail, as TypeORM's does. */
function fakeDataSource(commit: () => void = () => undefined): DataSource {
  const manager = {} as EntityManager;
  return {
    transaction: async <T>(work: (m: EntityManager) => Promise<T>) => {
      const result = await work(manager);
      commit();
      return result;
    },
  } as unknown as DataSource;
}

afterEach(() => vi.restoreAllMocks());

describe('retryRead', () => {
  it('tries a read that failed transiently once more, and only once', async () => {
    const flaky = vi.fn().mockRejectedValueOnce(terminated()).mockResolvedValueOnce('rows');
    expect(await retryRead(flaky)).toBe('rows');
    expect(flaky).toHaveBeenCalledTimes(2);
    const down = vi.fn().mockRejectedValue(terminated());
    const e = await retryRead(down).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DatabaseUnavailableError);
    expect((e as DatabaseUnavailableError).cause).toMatchObject({ code: '57P01' });
    expect(down).toHaveBeenCalledTimes(2);
  });

  it('does not try again what would fail again, nor what failed slowly', async () => {
    const bad = vi.fn().mockRejectedValue(violated());
    await expect(retryRead(bad)).rejects.toMatchObject({ code: '23505' });
    expect(bad).toHaveBeenCalledTimes(1);
    let now = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    const slow = vi.fn().mockImplementation(async () => {
      now += 3000;
      throw terminated();
    });
    await expect(retryRead(slow)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(slow).toHaveBeenCalledTimes(1);
  });
});

describe('retryTransaction', () => {
  it('runs again a transaction that failed before its COMMIT (rolled back, so nothing of it remains)', async () => {
    const work = vi.fn().mockRejectedValueOnce(terminated()).mockResolvedValueOnce('done');
    expect(await retryTransaction(fakeDataSource(), work)).toBe('done');
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('runs again one whose connection was lost before the COMMIT was sent (TypeORM released its runner)', async () => {
    let commits = 0;
    const db = fakeDataSource(() => {
      if (commits++ === 0) throw new QueryRunnerAlreadyReleasedError();
    });
    const work = vi.fn().mockResolvedValue('done');
    expect(await retryTransaction(db, work)).toBe('done');
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('never runs again one whose COMMIT failed on the wire: it may have been applied', async () => {
    const db = fakeDataSource(() => {
      throw terminated();
    });
    const work = vi.fn().mockResolvedValue('done');
    await expect(retryTransaction(db, work)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('lets other failures through untouched, at once', async () => {
    const work = vi.fn().mockRejectedValue(violated());
    await expect(retryTransaction(fakeDataSource(), work)).rejects.toMatchObject({ code: '23505' });
    expect(work).toHaveBeenCalledTimes(1);
  });
});
