/** Seed 000 as a person answers the wizard's questions (the seed's own facts, its words tidied). */
export const SEED_000 = {
  title: 'Payment service outage',
  authors: 'Jane Doe',
  start: 'August 2, 2023, 13:45',
  end: '15:30',
  impact: 'The online payment service was slow and at times unavailable: transactions hung or failed with errors.',
  percent: '15%',
  summaryRootCause: 'A database connection leak in an unhandled code path of the payment processing module exhausted the database connections.',
  timeline: [
    ['13:45', 'detection', 'Monitoring alerts showed a sudden increase in response times and error rates for the payment service.'],
    ['13:50', 'action', 'The engineering team started investigating, suspecting the database because of earlier incidents.'],
    ['14:00', 'misleading', 'We assumed the database server was running low on resources and slowing queries down.'],
    ['14:15', 'action', 'The resource usage of the database server was analysed in depth; no significant anomaly was found.'],
    ['2:30 PM', 'misleading', 'Attention moved to the load balancer, suspected of distributing traffic unevenly.'],
    ['14:45', 'action', 'The load balancer configuration was validated and found correct, ruling it out.'],
    ['15:00', 'escalation', 'The incident was escalated to the database administration team.'],
    ['15:15', 'action', 'The database administrators found an excessive number of open connections from the payment code.'],
    ['15:30', 'resolution', 'Restarting the payment service instances released the leaked connections and restored normal operations.'],
  ] as const,
  rootCause: [
    'An unhandled code path in the payment processing module did not close database connections after processing a transaction. The connections accumulated over time until they overwhelmed the database server, which turned into a bottleneck: queries queued, response times climbed and payments began to fail.',
    'Historical incidents pointed us at database resources and then at the load balancer, so the leak itself was only found once the database administrators looked at the connection count rather than at CPU and memory.',
  ],
  resolution: [
    'The engineering team identified and fixed the code path responsible for the connection leak, and a code review of the whole module was carried out to make sure no similar path existed elsewhere. The affected payment service instances were restarted to release the leaked connections and bring database performance back to normal.',
  ],
  measures: [
    'Code review and testing: stricter reviews of code paths that may leak resources, with better unit and integration tests.',
    'Database connection pooling: a robust pooling strategy so that connections are always released after use.',
    'Monitoring and alerts: alert on unusual resource usage and on database connection counts.',
    'Automated testing: tests in CI that simulate load and catch resource leaks before deployment.',
    'Documentation: a shared guide to debugging and troubleshooting each service.',
  ],
  tasks: [
    ['Patch the payment processing module to release database connections after use', 'payments team', 'Aug 16 2023'],
    ['Review every code path that talks to the database for connection leaks', 'payments team', ''],
    ['Implement database connection pooling', '', ''],
    ['Add monitoring and alerting on database connection counts', 'SRE', ''],
    ['Develop automated tests that detect resource leaks in critical modules', '', ''],
    ['Share the incident findings and lessons learned with the engineering team', '', ''],
  ] as const,
};

export const KIND_ORDER = ['detection', 'action', 'misleading', 'escalation', 'resolution', 'other'] as const;
