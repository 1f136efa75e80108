/** A draft answered up to the timeline: the timeline step's tests start here. */
export const timelineDraft = {
  version: 1,
  title: 'Outage',
  summary: { timezone: 'UTC', start: '2023-08-02 13:45', end: '2023-08-02 15:30', impact: 'Slow.', usersAffectedPercent: 15, rootCause: 'Leak.' },
  detectedBy: 'monitoring' as const,
};

/** One timeline entry of each kind the rubric asks for, a minute apart. */
export const everyKind = (['detection', 'action', 'misleading', 'escalation', 'resolution'] as const).map((kind, i) => ({ at: `2023-08-02 14:0${i}`, kind, text: `${kind}.` }));

/** A draft answered up to the measures: the measures and tasks step's tests start here. */
export const measuresDraft = { ...timelineDraft, timeline: everyKind, rootCause: 'Leak.', resolution: 'Fix.' };

/** A draft answered up to the tasks. */
export const tasksDraft = { ...measuresDraft, measures: ['Review.'] };

/** A draft answered up to the root cause and resolution. */
export const rootCauseDraft = { ...timelineDraft, timeline: everyKind };
