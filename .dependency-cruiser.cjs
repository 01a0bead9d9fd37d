// Layers, checked on the real import graph by test/architecture.test.ts (docs/architecture.md).
const IO_BUILTINS = '^(node:)?(fs|fs/promises|child_process|net|http|https|http2|dgram|tls|dns|worker_threads|cluster|os|process|readline|repl|vm|inspector)$';

module.exports = {
  forbidden: [
    {
      name: 'engine-imports-engine-only',
      comment: 'The analysis core depends on nothing else in src (no config, render, app or adapters).',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: '^src/', pathNot: '^src/engine/' },
    },
    {
      name: 'engine-no-io',
      comment: 'The analysis core does no I/O: no filesystem, processes, network or threads.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { dependencyTypes: ['core'], path: IO_BUILTINS },
    },
    {
      name: 'engine-no-io-transitively',
      comment: 'Nor through any module it reaches.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: IO_BUILTINS, reachable: true },
    },
    {
      name: 'pure-layers-no-io-no-github',
      comment: 'Configuration, rendering and publishing are data in, data out.',
      severity: 'error',
      from: { path: ['^src/(engine|render|publish|config)/', '^src/github/limits[.]ts$'] },
      to: { path: [IO_BUILTINS, '(^|/)(probot|@octokit/)'] },
    },
    {
      name: 'render-imports-engine-only',
      severity: 'error',
      from: { path: '^src/render/' },
      to: { path: '^src/', pathNot: '^src/(engine|render)/' },
    },
    {
      name: 'publish-imports-engine-and-render-only',
      severity: 'error',
      comment: "GitHub's text limits (github/limits.ts, pure) are the one thing publish/ takes from github/.",
      from: { path: '^src/publish/' },
      to: { path: '^src/', pathNot: ['^src/(engine|render|publish)/', '^src/github/limits[.]ts$'] },
    },
    {
      name: 'github-is-a-thin-adapter',
      comment: 'GitHub calls know nothing of how findings are published or reviewed.',
      severity: 'error',
      from: { path: '^src/github/' },
      // publish/check-sink.ts declares the port (types only) that github/check-run.ts implements
      to: { path: '^src/', pathNot: ['^src/(github|engine)/', '^src/publish/check-sink[.]ts$'] },
    },
    {
      name: 'only-github-imports-octokit',
      severity: 'error',
      from: { pathNot: '^src/github/' },
      to: { path: '(^|/)@octokit/' , dependencyTypes: ['npm', 'npm-dev', 'npm-peer', 'npm-optional', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'only-github-unwraps-the-client',
      comment: 'Outside github/ a GitHubClient is opaque: only github/ imports the Octokit behind it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/github/' },
      to: { path: '^src/github/octokit[.]ts$' },
    },
    {
      name: 'no-dev-dependencies-in-src',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'no-undeclared-dependencies',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown', 'unknown'] },
    },
    {
      name: 'no-demo-in-src',
      comment: 'The demo and its GitHub double do not ship: src/ never imports demo/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^demo/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
