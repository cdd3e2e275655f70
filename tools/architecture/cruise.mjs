// Checks the architecture boundaries of a workspace with dependency-cruiser, through its API.
//   node tools/architecture/cruise.mjs            the repository, readable output, exit 1 on a violation (npm run boundaries)
//   node tools/architecture/cruise.mjs --json     one JSON object: { modules, dependencies, violations: [{ rule, from, to, via }] }
//   node tools/architecture/cruise.mjs --root <dir>   another workspace (the fixture in the tests)
// The rules are the workspace's .dependency-cruiser.cjs (tools/architecture/boundary-rules.cjs). dependency-cruiser
// ships ES modules only, which Jest (CommonJS) cannot import: boundaries.spec.ts runs this script instead.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const { CRUISED_FOLDERS } = createRequire(import.meta.url)('./boundary-rules.cjs');

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, root: { type: 'string', default: resolve(import.meta.dirname, '../..') } },
});

// Module paths in the results are relative to the working directory: the workspace root.
process.chdir(values.root);
const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
const folders = CRUISED_FOLDERS.filter((folder) => existsSync(folder));
const { output } = await cruise(folders, options, {}, { tsConfig: extractTSConfig(options.tsConfig.fileName) });
if (typeof output === 'string') throw new Error('dependency-cruiser answered text where a cruise result was expected');

const violations = output.summary.violations.map((violation) => ({
  rule: violation.rule.name,
  from: violation.from,
  to: violation.to,
  via: (violation.cycle ?? violation.via ?? []).map((step) => step.name),
}));

if (values.json) {
  const { totalCruised: modules, totalDependenciesCruised: dependencies } = output.summary;
  process.stdout.write(`${JSON.stringify({ modules, dependencies, violations })}\n`);
} else {
  const comments = new Map(options.ruleSet.forbidden.map((rule) => [rule.name, rule.comment]));
  for (const { rule, from, to, via } of violations) {
    process.stdout.write(`\n✖ ${rule}: ${from} → ${to}\n`);
    if (via.length > 1) process.stdout.write(`    via ${via.join(' → ')}\n`);
    process.stdout.write(`    ${comments.get(rule) ?? ''}\n`);
  }
  const { totalCruised: modules, totalDependenciesCruised: dependencies } = output.summary;
  const verdict = violations.length === 0 ? '✔ no boundary crossed' : `✖ ${violations.length} boundary violation(s)`;
  process.stdout.write(`\n${verdict} (${modules} modules, ${dependencies} dependencies; rules in .dependency-cruiser.cjs)\n`);
}
process.exitCode = violations.length > 0 ? 1 : 0;
