/** Marks a README this tool wrote, so `render` knows it may replace it without --force. */
export const GENERATED_MARKER = '<!-- Written by postmortem-wizard';
