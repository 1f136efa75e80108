/** The command's name, as users type it (its own module: reading it loads nothing else). */
export const PROGRAM = 'postmortem-wizard';
