#!/usr/bin/env node
import { main } from '../dist/cli.js';

// Exit explicitly: the wizard keeps signal handlers and stdin listeners that would otherwise hold
// the process open, and the exit code must be the one main chose.
process.exit(await main(process.argv.slice(2)));
