/*
 * The share of USERS affected, as written: "30% of our user base", "affecting 75% of active
 * users", "all users" (100). A share of something else ("47% of requests", "CPU at 95%") is
 * not the users' share.
 */

export interface Share {
  percent: number;
  /** The words it was read from. */
  quote: string;
}

const USERS = /^\s*(?:of\s+)?(?:(?:our|the|all|active|total|affected|daily|monthly|registered|global|its|their|customer|user)\s+){0,3}(users?|user\s?base|customers?|customer\s?base|clients?|visitors?|people|accounts?|subscribers?|merchants?|players?|members?|tenants?|sellers?|buyers?|shoppers?|students?|learners?|consumers?|end[- ]users?|drivers?|riders?|patients?|callers?)\b/i;
const OTHER = /^\s*(?:of\s+)?(?:(?:all|the|our|total|incoming|api|http|web|inbound|outbound)\s+){0,3}(requests?|traffic|queries|transactions|calls|errors?|error rate|capacity|cpu|memory|disk|uptime|availability|bandwidth|packets|jobs|messages|orders|payments|servers?|nodes?|instances?|hosts?|pods?|throughput|latency|load|success|failures?|increase|decrease|drop|higher|lower|more|less|faster|slower|degradation|degraded|reduction|slowdown|loss|spike|growth|rise|decline|packet)\b/i;
const USERS_BEFORE = /\b(users?|customers?|clients?|visitors?|subscribers?)\b[^.%]{0,30}$/i;
const ALL_USERS = /\b(?:all|every|100%\s+of)\s+(?:of\s+)?(?:our\s+|the\s+)?(?:users|customers|clients|user)\b/i;

/**
 * Every users' share in the text, in order. `loose`: the text is the impact's own, where a bare
 * percentage counts, and so does "all users" (elsewhere "all users of X" is rarely a share).
 */
export function usersShares(text: string, loose = false): Share[] {
  const out: Share[] = [];
  const piece = text.slice(0, 50_000);
  const percent = /(\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b)/gi;
  let m: RegExpExecArray | null;
  while ((m = percent.exec(piece))) {
    const value = Number(m[1]);
    if (value > 100) continue;
    const after = piece.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const before = piece.slice(Math.max(0, m.index - 40), m.index);
    const users = USERS.test(after) || (!OTHER.test(after) && USERS_BEFORE.test(before));
    if (users || (loose && !OTHER.test(after))) out.push({ percent: value, quote: piece.slice(m.index, m.index + m[0].length + (USERS.exec(after)?.[0].length ?? 0)).trim() });
    if (out.length > 20) break;
  }
  const all = loose ? ALL_USERS.exec(piece) : null;
  if (all && !/\d%/.test(all[0])) out.push({ percent: 100, quote: all[0] });
  return out;
}
