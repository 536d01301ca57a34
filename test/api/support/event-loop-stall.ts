/** What longestStall saw. */
export interface Stall<T> {
  result: T;
  /** The most CPU time this process spent between two ticks of a 5 ms timer: how long it held its event loop. */
  stallMs: number;
  /** The longest wall-clock gap between two ticks, waiting for a core included. */
  wallMs: number;
}

/**
 * Runs fn and reports the longest time this process's event loop was blocked meanwhile,
 * in milliseconds. Test servers run in the test's own process, so this is how long the
 * service could answer nobody (not even /healthz). Measured in CPU time: where test files
 * share two cores, the process also waits for a core, and that wait, which shows in wall
 * time, is not the service holding its loop; a synchronous step spends its length in CPU
 * (a little more where the garbage collector or the compiler run beside it).
 */
export async function longestStall<T>(fn: () => Promise<T>): Promise<Stall<T>> {
  let lastWall = performance.now();
  let lastCpu = cpuMs();
  let stallMs = 0;
  let wallMs = 0;
  const tick = () => {
    const wall = performance.now();
    const cpu = cpuMs();
    stallMs = Math.max(stallMs, cpu - lastCpu);
    wallMs = Math.max(wallMs, wall - lastWall);
    lastWall = wall;
    lastCpu = cpu;
  };
  const timer = setInterval(tick, 5);
  try {
    const result = await fn();
    tick();
    return { result, stallMs, wallMs };
  } finally {
    clearInterval(timer);
  }
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
