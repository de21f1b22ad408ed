/**
 * The boundaries CONVENTIONS.md promises, checked by `pnpm lint` (dependency-cruiser):
 * no import cycles; API modules reach each other only through a module's public index;
 * storefront features import only lib/, components/, config/ and their own folder; shared
 * components import no feature; back-office resources get the data provider through
 * react-admin's useDataProvider, never by importing it.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle hides the module graph: invert one dependency (a port or an event).',
      from: { path: '^(apps|packages)/' },
      // Type-only imports vanish at compile time; runtime cycles are what break.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'api-modules-through-their-index',
      severity: 'error',
      comment: "Another module is reached through its public index.ts, never its files.",
      from: { path: '^apps/api/src/modules/([^/]+)/' },
      to: { path: '^apps/api/src/modules/([^/]+)/.+', pathNot: ['^apps/api/src/modules/$1/', '^apps/api/src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'api-no-sandbox',
      severity: 'error',
      comment: 'The API reaches Pi over HTTP (PI_API_BASE_URL); only the server entry mounts the sandbox.',
      from: { path: '^apps/api/src/', pathNot: '^apps/api/src/server\\.ts$' },
      to: { path: '^packages/pi-sandbox/' },
    },
    {
      name: 'storefront-features-stay-apart',
      severity: 'error',
      comment: 'A feature imports lib/, components/, config/ and its own folder only.',
      from: { path: '^apps/web/src/features/([^/]+)/' },
      to: { path: '^apps/web/src/features/', pathNot: '^apps/web/src/features/$1/' },
    },
    {
      name: 'storefront-shared-imports-no-feature',
      severity: 'error',
      comment: 'Shared components, lib and config sit below the features.',
      from: { path: '^apps/web/src/(components|lib|config)/' },
      to: { path: '^apps/web/src/(features|app)/' },
    },
    {
      name: 'admin-resources-use-useDataProvider',
      severity: 'error',
      comment: "Resources and hooks get the data provider from react-admin's useDataProvider (its type may be imported).",
      from: { path: '^apps/admin/src/(resources|components|dashboard|layout|hooks)/' },
      to: { path: '^apps/admin/src/dataProvider', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'spas-use-contracts-only',
      severity: 'error',
      comment: 'The SPAs depend on shared contracts, never on server code.',
      from: { path: '^apps/(web|admin)/' },
      to: { path: '^apps/api/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|coverage)/|\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
