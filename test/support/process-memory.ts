import { readdirSync, readFileSync } from 'node:fs';

/** The pid of the process running `script` with PORT=`port` in its environment (Linux /proc). */
export function findProcess(script: string, port: number): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmdline.includes(script)) continue;
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (environ.includes(`PORT=${port}`)) return Number(entry);
    } catch {
      // gone, or not ours
    }
  }
  throw new Error(`no process runs ${script} with PORT=${port}`);
}

/** Resident set size of `pid`, in bytes. */
export function residentBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) * 1024;
}

/** Samples the RSS of `pid` every `everyMs` while `work` runs; answers the baseline before it and the peak during it. */
export async function peakResidentDuring<T>(
  pid: number,
  work: () => Promise<T>,
  everyMs = 20,
): Promise<{ result: T; baseline: number; peak: number }> {
  const baseline = residentBytes(pid);
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, residentBytes(pid));
  }, everyMs);
  try {
    const result = await work();
    peak = Math.max(peak, residentBytes(pid));
    return { result, baseline, peak };
  } finally {
    clearInterval(timer);
  }
}
