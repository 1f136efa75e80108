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

/** Kinds of action item, as the SRE book's action-item tables name them. */
export const TASK_TYPES = ['mitigate', 'prevent', 'detect', 'process', 'other'] as const;
export type TaskType = (typeof TASK_TYPES)[number];

/** How the task form offers each type (asked when the draft uses the SRE layout). */
export const TASK_TYPE_CHOICE_LABELS: Record<TaskType, string> = {
  mitigate: 'Mitigate: limits the harm if it happens again',
  prevent: 'Prevent: stops it happening again',
  detect: 'Detect: notices it sooner',
  process: 'Process: changes how the team works',
  other: 'Other',
};

/** The built-in README layouts (templates/NAME.md). */
export const TEMPLATES = ['alx', 'sre'] as const;
export type TemplateName = (typeof TEMPLATES)[number];

export const TEMPLATE_LABELS: Record<TemplateName, string> = {
  alx: 'ALX postmortem: the rubric\'s four sections',
  sre: 'Google SRE style: impact, trigger, detection, action items table, lessons learned',
};

export const DETECTION_CHOICE_LABELS: Record<DetectionSource, string> = {
  monitoring: 'A monitoring alert',
  engineer: 'An engineer noticed',
  customer: 'A customer complained',
  other: 'Something else',
};

/** The newest draft format this build reads and writes. */
export const DRAFT_VERSION = 1;
