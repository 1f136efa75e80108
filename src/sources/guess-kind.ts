import type { EntryKind } from '../draft/vocabulary.js';

/*
 * The kind a picked message most likely is, from its words. Only a first guess: the pick list
 * shows it and every entry's kind stays editable. Checked in this order because the later
 * words are more common: "thought it was the DNS, ruled it out" is a misleading path even
 * though it names an alert; "rolling back" is still an action, "rolled back" resolved it.
 */
const RULES: readonly [EntryKind, RegExp][] = [
  ['misleading', /\b(?:red herring|ruled (?:it |that )?out|turned out (?:not|to be (?:unrelated|fine|a red))|(?:was|is)n'?t the (?:cause|issue|problem)|(?:(?:was|is) )?not the (?:cause|issue|problem)|not related|unrelated|false alarm|dead end|wrong (?:track|lead)|(?:we|i) (?:suspected|assumed|thought)|suspect(?:ed)? (?:it was|the)|thought it was|looked like it was)\b/i],
  ['escalation', /\b(?:escalat\w*|looping in|looped in|loop in|pulling in|pulled in|bring(?:ing)? in|called in|handing (?:it )?(?:over|off)|handed (?:it )?(?:over|off)|incident commander|declar(?:ed|ing) (?:an? )?(?:incident|sev ?\d?|major)|paging (?:the )?\w+ (?:team|on-?call)|paged (?:the )?\w+ (?:team|on-?call))/i],
  ['resolution', /\b(?:resolved|recovered|back to normal|back up|fully operational|fixed|mitigated|restored|all clear|green again|closing (?:the|this) incident|incident (?:is )?closed|rolled back|roll-?back (?:is )?(?:done|complete)|(?:errors?|error (?:rate|ratio)|latency|traffic|p\d\d) (?:is |are )?(?:back|normal)|back (?:under|below|within)|recovery confirmed|status: resolved)\b/i],
  ['detection', /\b(?:alert\w*|firing|fired|triggered|noticed|noticing|reports? of|reported|reporting|customers? (?:are |were )?(?:seeing|complain\w*|report\w*)|users? (?:are |were )?(?:seeing|complain\w*|report\w*)|monitoring (?:shows?|showed)|is down|went down|are down|outage|spik(?:e|ed|ing)|climbing|rising|elevated|degraded|error rate|status: firing|5\d\d errors?|pag(?:ed|e) (?:received|fired))\b/i],
];

/** The kind from the words; `hint` (what the source itself says, e.g. a pager's trigger) wins. */
export function guessKind(text: string, hint?: EntryKind): EntryKind {
  if (hint) return hint;
  for (const [kind, words] of RULES) if (words.test(text)) return kind;
  return 'action';
}
