/*
 * Timezone abbreviations and words as postmortems write them (`22:00 PST`, `11:26-am-GMT`,
 * `10:00 Eastern`), each with the place it is read as. Some name two or three places (IST is
 * India, Ireland or Israel; CST is US Central or China): those list every reading, and the
 * first is taken only when nothing else in the document decides, with a note saying so.
 * Loaded by import and check; kept here, beside zone.ts, for the wizard's timezone question.
 */

export interface ZoneReading {
  /** IANA name, or `UTC` / `GMT`. */
  zone: string;
  /** Where, in words: "US Pacific", "India". */
  place: string;
  /** Words in a document that point to this reading ("Bengaluru", "Dublin"). */
  clues?: RegExp;
}

const us = (zone: string, place: string): ZoneReading[] => [{ zone, place }];

export const ZONE_ABBREVIATIONS: Readonly<Record<string, readonly ZoneReading[]>> = {
  UTC: [{ zone: 'UTC', place: 'UTC' }],
  GMT: [{ zone: 'GMT', place: 'GMT' }],
  Z: [{ zone: 'UTC', place: 'UTC' }],
  ZULU: [{ zone: 'UTC', place: 'UTC' }],
  PST: us('America/Los_Angeles', 'US Pacific'), PDT: us('America/Los_Angeles', 'US Pacific'), PT: us('America/Los_Angeles', 'US Pacific'), PACIFIC: us('America/Los_Angeles', 'US Pacific'),
  MST: [{ zone: 'America/Denver', place: 'US Mountain' }, { zone: 'America/Phoenix', place: 'Arizona', clues: /\b(arizona|phoenix)\b/i }],
  MDT: us('America/Denver', 'US Mountain'), MT: us('America/Denver', 'US Mountain'), MOUNTAIN: us('America/Denver', 'US Mountain'),
  CST: [
    { zone: 'America/Chicago', place: 'US Central', clues: /\b(chicago|texas|dallas|austin|houston|central time)\b/i },
    { zone: 'Asia/Shanghai', place: 'China', clues: /\b(china|chinese|beijing|shanghai|shenzhen|hangzhou|guangzhou|alibaba|wechat|taipei)\b/i },
  ],
  CDT: us('America/Chicago', 'US Central'), CT: us('America/Chicago', 'US Central'), CENTRAL: us('America/Chicago', 'US Central'),
  EST: us('America/New_York', 'US Eastern'), EDT: us('America/New_York', 'US Eastern'), ET: us('America/New_York', 'US Eastern'), EASTERN: us('America/New_York', 'US Eastern'),
  AKST: us('America/Anchorage', 'Alaska'), AKDT: us('America/Anchorage', 'Alaska'),
  HST: us('Pacific/Honolulu', 'Hawaii'),
  AST: [{ zone: 'America/Halifax', place: 'Atlantic', clues: /\b(halifax|nova scotia|puerto rico|atlantic)\b/i }, { zone: 'Asia/Riyadh', place: 'Arabia', clues: /\b(saudi|riyadh|arabia|kuwait|qatar|doha|bahrain|iraq)\b/i }],
  BST: [{ zone: 'Europe/London', place: 'British Summer Time', clues: /\b(london|uk|britain|british|england|scotland)\b/i }, { zone: 'Asia/Dhaka', place: 'Bangladesh', clues: /\b(bangladesh|dhaka)\b/i }],
  WET: us('Europe/Lisbon', 'Western Europe'), WEST: us('Europe/Lisbon', 'Western Europe'),
  CET: us('Europe/Paris', 'Central Europe'), CEST: us('Europe/Paris', 'Central Europe'),
  EET: us('Europe/Athens', 'Eastern Europe'), EEST: us('Europe/Athens', 'Eastern Europe'),
  MSK: us('Europe/Moscow', 'Moscow'),
  WAT: us('Africa/Lagos', 'West Africa'), CAT: us('Africa/Maputo', 'Central Africa'), EAT: us('Africa/Nairobi', 'East Africa'),
  SAST: us('Africa/Johannesburg', 'South Africa'),
  IST: [
    { zone: 'Asia/Kolkata', place: 'India', clues: /\b(india|indian|bengaluru|bangalore|mumbai|delhi|hyderabad|chennai|pune|kolkata|noida|gurgaon)\b/i },
    { zone: 'Europe/Dublin', place: 'Ireland', clues: /\b(ireland|irish|dublin|cork)\b/i },
    { zone: 'Asia/Jerusalem', place: 'Israel', clues: /\b(israel|tel aviv|jerusalem|haifa)\b/i },
  ],
  PKT: us('Asia/Karachi', 'Pakistan'), GST: us('Asia/Dubai', 'Gulf'),
  SGT: us('Asia/Singapore', 'Singapore'), HKT: us('Asia/Hong_Kong', 'Hong Kong'), PHT: us('Asia/Manila', 'Philippines'), WIB: us('Asia/Jakarta', 'Western Indonesia'),
  JST: us('Asia/Tokyo', 'Japan'), KST: us('Asia/Seoul', 'Korea'),
  AEST: us('Australia/Sydney', 'Australian Eastern'), AEDT: us('Australia/Sydney', 'Australian Eastern'), ACST: us('Australia/Adelaide', 'Australian Central'), AWST: us('Australia/Perth', 'Australian Western'),
  NZST: us('Pacific/Auckland', 'New Zealand'), NZDT: us('Pacific/Auckland', 'New Zealand'),
  BRT: us('America/Sao_Paulo', 'Brazil'), ART: us('America/Argentina/Buenos_Aires', 'Argentina'),
};

/** Every abbreviation, longest first, for building a pattern. */
export const ZONE_WORDS: readonly string[] = Object.keys(ZONE_ABBREVIATIONS).sort((a, b) => b.length - a.length);

export interface ZoneWordReading {
  zone: string;
  /** Set when the word names more than one place: which was taken, and why. */
  note?: string;
}

/**
 * What a zone word means in a document: its one reading, or, for an ambiguous one, the reading
 * the document's other words point to (else the first, said so in `note`).
 */
export function readZoneWord(word: string, documentText = ''): ZoneWordReading | undefined {
  const readings = ZONE_ABBREVIATIONS[word.toUpperCase()];
  if (!readings) return undefined;
  if (readings.length === 1) return { zone: readings[0]!.zone };
  const others = (r: ZoneReading) => readings.filter((o) => o !== r).map((o) => o.place).join(' or ');
  const clued = readings.filter((r) => r.clues?.test(documentText));
  if (clued.length === 1) {
    const r = clued[0]!;
    return { zone: r.zone, note: `${word} is read as ${r.place} time (${r.zone}), as the document mentions it; it can also mean ${others(r)}.` };
  }
  const r = readings[0]!;
  return { zone: r.zone, note: `${word} can mean ${readings.map((o) => o.place).join(', ')}: it is read as ${r.place} (${r.zone}); if that is wrong, set summary.timezone.` };
}

/**
 * Abbreviations that name one clock of a place, not the place: "01:20 EDT" and "01:20 EST" are an
 * hour apart on the night New York's clocks go back, and "2:30 PST" is UTC-8 whatever the date.
 * A time written with one of these is read at that offset. (IST, CST, BST and AST name several
 * places with different offsets, so they are read as their place.)
 */
export const CLOCK_OFFSETS: Readonly<Record<string, string>> = {
  PST: '-08:00', PDT: '-07:00', MDT: '-06:00', CDT: '-05:00', EST: '-05:00', EDT: '-04:00',
  AKST: '-09:00', AKDT: '-08:00', HST: '-10:00',
  WET: '+00:00', WEST: '+01:00', CET: '+01:00', CEST: '+02:00', EET: '+02:00', EEST: '+03:00', MSK: '+03:00',
  WAT: '+01:00', CAT: '+02:00', EAT: '+03:00', SAST: '+02:00',
  PKT: '+05:00', GST: '+04:00', SGT: '+08:00', HKT: '+08:00', PHT: '+08:00', WIB: '+07:00', JST: '+09:00', KST: '+09:00',
  AEST: '+10:00', AEDT: '+11:00', ACST: '+09:30', AWST: '+08:00', NZST: '+12:00', NZDT: '+13:00', BRT: '-03:00', ART: '-03:00',
};
