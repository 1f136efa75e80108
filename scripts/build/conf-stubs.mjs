/*
 * conf (settings) imports ajv for JSON-schema validation and semver for migrations; this
 * project passes neither a schema nor migrations, so the bundle leaves both libraries out
 * (a third of its size) and fails loudly should conf ever reach for them.
 */
export const unusedByConfPlugin = {
  name: 'conf-without-schema-or-migrations',
  setup(b) {
    const stubs = {
      'ajv/dist/2020.js': 'export class Ajv2020 { constructor() { throw new Error("postmortem-wizard: conf schemas are not part of this build"); } }',
      'ajv-formats': 'export default { default() { throw new Error("postmortem-wizard: conf schemas are not part of this build"); } };',
      semver: 'const fail = () => { throw new Error("postmortem-wizard: conf migrations are not part of this build"); }; export default { eq: fail, clean: fail, satisfies: fail, lte: fail, gt: fail };',
    };
    b.onResolve({ filter: /^(ajv\/dist\/2020\.js|ajv-formats|semver)$/ }, (args) =>
      args.importer.includes(`node_modules/conf/`) ? { path: args.path, namespace: 'stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'stub' }, (args) => ({ contents: stubs[args.path], loader: 'js' }));
  },
};
