/** Colours by meaning; with NO_COLOR set, ink's colour library prints none of them. */
export const theme = {
  accent: 'cyan',
  ok: 'green',
  warn: 'yellow',
  error: 'red',
  muted: 'gray',
} as const;

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;
/** Content never grows wider than this, so long lines stay readable on wide terminals. */
export const MAX_COLUMNS = 100;

/** No colour nor any other style will show (NO_COLOR; FORCE_COLOR=0 is how the wizard passes it to ink). */
export function stylesOff(): boolean {
  return Boolean(process.env.NO_COLOR) || process.env.FORCE_COLOR === '0';
}
