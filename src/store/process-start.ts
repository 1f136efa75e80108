import { readFileSync } from 'node:fs';

/*
 * What tells a process from a later one given the same pid: when it started (field 22 of
 * /proc/PID/stat, clock ticks since boot) and which boot that was (a reboot restarts the ticks).
 */

let bootId: string | undefined | null = null;

function currentBootId(): string | undefined {
  if (bootId === null) {
    try {
      bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
    } catch {
      bootId = undefined;
    }
  }
  return bootId;
}

/** "<boot id>:<start ticks>" for a running pid; undefined where /proc cannot say (macOS, gone). */
export function processStart(pid: number): string | undefined {
  const boot = currentBootId();
  if (!boot) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces or ')': count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[22 - 3];
    return start && /^\d+$/.test(start) ? `${boot}:${start}` : undefined;
  } catch {
    return undefined;
  }
}
