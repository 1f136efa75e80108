/** The closed word lists of the draft format, with the words people read for them. */

export const ENTRY_KINDS = ['detection', 'action', 'misleading', 'escalation', 'resolution', 'other'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  detection: 'Detection',
  action: 'Action',
  misleading: 'Misleading path',
  escalation: 'Escalation',
  resolution: 'Resolution',
  other: 'Other',
};

/** The kinds the rubric wants the timeline to cover, in the order a story tells them. */
export const REQUIRED_KINDS: readonly EntryKind[] = ['detection', 'action', 'misleading', 'escalation', 'resolution'];

export const DETECTION_SOURCES = ['monitoring', 'engineer', 'customer', 'other'] as const;
export type DetectionSource = (typeof DETECTION_SOURCES)[number];

export const DETECTION_LABELS: Record<DetectionSource, string> = {
  monitoring: 'a monitoring alert',
  engineer: 'an engineer who noticed',
  customer: 'a customer complaint',
  other: 'other means',
};

/** The newest draft format this build reads and writes. */
export const DRAFT_VERSION = 1;
