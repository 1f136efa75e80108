// The same first question asked with @clack/prompts, the lightest prompt library measured in
// DESIGN §7: `npm run bench` times it against `node -e` as it times the wizard.
import { text } from '@clack/prompts';

await text({ message: 'Title of the postmortem' });
