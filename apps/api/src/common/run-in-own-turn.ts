// The last step queued: each waits for the one before it.
let tail: Promise<unknown> = Promise.resolve();

/**
 * Runs a step of synchronous work (parse, compose, render) in a turn of the event loop of
 * its own, after every step queued before it. setImmediate alone would not do: steps
 * queued together (the aliases of one request, or concurrent requests) would all run in
 * one check phase, back to back. Chained, timers and I/O — /healthz, other requests —
 * get a turn between any two steps, so a stall is one step long, however many wait.
 */
export function runInOwnTurn<T>(step: () => T): Promise<T> {
  const run = tail.then(
    () =>
      new Promise<T>((resolve, reject) =>
        setImmediate(() => {
          try {
            resolve(step());
          } catch (e) {
            reject(e);
          }
        }),
      ),
  );
  tail = run.catch(() => undefined);
  return run;
}
