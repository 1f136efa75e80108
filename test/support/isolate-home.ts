import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every test file gets its own settings folder and home, so no test reads or writes the real ones.
const root = mkdtempSync(join(tmpdir(), 'pmw-test-'));
process.env.POSTMORTEM_WIZARD_CONFIG_DIR = join(root, 'config');
process.env.HOME = join(root, 'home');
process.env.XDG_CONFIG_HOME = join(root, 'home', '.config');
