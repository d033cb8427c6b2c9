// `npm run fuzz [-- --per-parser N --seed S]`: the long fuzz run over every protocol parser.
// Prints how many inputs each parser took and how many escaped; exits 1 if any did.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { corpusFromVectors, FUZZ_TARGETS, fuzzTarget } from './fuzz-targets.ts';

const { values } = parseArgs({
  options: { 'per-parser': { type: 'string', default: '1000000' }, seed: { type: 'string', default: '1' } },
});
const perParser = Number(values['per-parser']);
const seed = Number(values.seed);
if (!Number.isInteger(perParser) || perParser < 1 || !Number.isInteger(seed)) {
  console.error(
    JSON.stringify({ error: { code: 'bad-arguments', message: '--per-parser and --seed take integers' } }),
  );
  process.exit(2);
}

// Same place the tests look for the team's shared material (test/shared.ts).
const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vectorsPath = join(
  process.env.BACKBEAT_SHARED ?? resolve(projectDir, '../shared'),
  'vectors/vectors.json',
);
const corpus = existsSync(vectorsPath)
  ? corpusFromVectors(JSON.parse(readFileSync(vectorsPath, 'utf8')))
  : new Map<string, Uint8Array[]>();
console.log(`corpus: ${existsSync(vectorsPath) ? vectorsPath : 'none (random inputs and hand seeds only)'}`);

let total = 0;
let escaped = 0;
const started = performance.now();
for (const [i, target] of FUZZ_TARGETS.entries()) {
  const t0 = performance.now();
  const c = fuzzTarget(target, perParser, seed + i, corpus);
  total += c.tried;
  escaped += c.escaped;
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `${c.name}: ${c.tried} tried, ${c.escaped} escaped (${s} s)${c.firstFailure ? `; first: ${c.firstFailure}` : ''}`,
  );
}
console.log(
  `total: ${total} inputs over ${FUZZ_TARGETS.length} parsers, ${escaped} escaped, ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
process.exit(escaped === 0 ? 0 : 1);
