/**
 * `--threads N` kept to what the machine has: more worker threads than cores only cost memory
 * (each holds the compiled codebook and its documents; 100,000 threads took 9.4 GB) and switching.
 * Returns the threads to use and, when capped, a note saying so.
 */
export function capThreads(requested: number, available: number): { threads: number; note?: string } {
  if (requested <= available) return { threads: requested };
  const cores = `${available} ${available === 1 ? 'core' : 'cores'}`;
  return { threads: available, note: `note: --threads ${requested} is more than the ${cores} this machine has; using ${available}` };
}
