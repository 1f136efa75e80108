/** A draft answered up to the timeline: the timeline step's tests start here. */
export const timelineDraft = {
  version: 1,
  title: 'Outage',
  summary: { timezone: 'UTC', start: '2023-08-02 13:45', end: '2023-08-02 15:30', impact: 'Slow.', usersAffectedPercent: 15, rootCause: 'Leak.' },
  detectedBy: 'monitoring' as const,
};
