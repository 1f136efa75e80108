// Tries to lock the draft named in argv[2] once `go` (argv[3], a time in ms since the epoch)
// arrives, prints what happened as JSON, and holds the lock for argv[4] ms.
import { acquireDraftLock } from '../../../src/store/draft-lock.js';

const [draft, go, hold] = process.argv.slice(2);
setTimeout(
  () => {
    const attempt = acquireDraftLock(draft!);
    process.stdout.write(`${JSON.stringify(attempt.ok ? { ok: true, pid: process.pid } : { ok: false, owner: attempt.owner })}\n`);
    setTimeout(() => {
      if (attempt.ok) attempt.lock.release();
    }, Number(hold));
  },
  Math.max(0, Number(go) - Date.now()),
);
