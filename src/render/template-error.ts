/** A template that cannot be used: its path (or name) and what is wrong, in one sentence. */
export class TemplateError extends Error {
  constructor(
    readonly source: string,
    readonly problem: string,
  ) {
    super(`${source}: ${problem}`);
    this.name = 'TemplateError';
  }
}
