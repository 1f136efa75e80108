/*
 * A page goes to each person on call, by each of their contact methods, so one page is logged
 * many times within a minute or two. Each gets the key of the first in its group, so the
 * pipeline folds them into one candidate; a page minutes later (the next escalation) is another.
 */
const SAME_PAGE_MS = 5 * 60_000;

export class PageGroups {
  private readonly anchors = new Map<string, number>();

  key(scope: string, at: number): string {
    const anchor = this.anchors.get(scope);
    if (anchor !== undefined && Math.abs(at - anchor) <= SAME_PAGE_MS) return `${scope}:page:${anchor}`;
    this.anchors.set(scope, at);
    return `${scope}:page:${at}`;
  }
}
