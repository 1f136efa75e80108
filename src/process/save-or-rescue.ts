import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Draft } from '../draft/schema.js';
import type { DraftSession } from '../store/draft-session.js';

/** Where the answers are after the wizard ends. */
export type Kept =
  | { where: 'draft'; path: string }
  | { where: 'rescue'; path: string; reason: string }
  | { where: 'nowhere'; reason: string };

/** Writes the answers to a new file in the temp folder, readable by this user only. */
export async function writeRescueFile(draft: Draft, why = 'the draft could not be saved'): Promise<string> {
  const { stringify } = await import('yaml');
  const path = join(tmpdir(), `postmortem-wizard-rescue-${Date.now()}-${process.pid}.yaml`);
  // 0600: a postmortem in progress may name people and systems.
  writeFileSync(path, `# Rescued by postmortem-wizard: ${why}.\n${stringify(draft)}`, { mode: 0o600, flag: 'wx' });
  return path;
}

/**
 * The step every way out goes through: save the draft (and let go of its lock); if it cannot
 * be saved, write the answers to a rescue file. Never throws: it runs after crashes too.
 */
export async function saveOrRescue(session: DraftSession, draft: Draft, revision: number): Promise<Kept> {
  let reason: string;
  try {
    await session.save(draft, revision);
    const status = await session.flush();
    // A draft saved earlier may have gone since (its folder removed): then it holds nothing.
    // A draft changed outside the wizard is never overwritten on the way out: the answers are rescued.
    if (status.state !== 'failed' && status.state !== 'conflict' && existsSync(session.path)) return { where: 'draft', path: session.path };
    reason = status.state === 'failed' || status.state === 'conflict' ? status.reason : 'the file is gone';
  } catch (error) {
    reason = (error as Error)?.message ?? String(error);
  } finally {
    try {
      session.close();
    } catch {
      // The lock file is gone already; nothing more to let go of.
    }
  }
  try {
    return { where: 'rescue', path: await writeRescueFile(draft), reason };
  } catch (error) {
    return { where: 'nowhere', reason: `${reason}; no rescue file either (${(error as Error).message})` };
  }
}
