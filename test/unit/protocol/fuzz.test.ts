// Every parser takes FUZZ_PER_PARSER seeded random and mutated inputs with nothing escaping.
// `npm run fuzz` runs many more; both print what they tried.
import { afterAll, describe, expect, it } from 'vitest';
import { corpusFromVectors, FUZZ_TARGETS, type FuzzCount, fuzzTarget } from '../../../tools/fuzz-targets.ts';
import { hasShared, readSharedJson } from '../../shared.ts';

const FUZZ_PER_PARSER = 20_000;
const SEED = 0x5eed_3;

// Fuzzing works without the shared vectors (random inputs and hand seeds), only less deeply, so
// this file does not skip without ../shared; it says which corpus it used.
const corpus = hasShared()
  ? corpusFromVectors(
      readSharedJson<{ protocol: string; hex: string; frames?: string[] }[]>('vectors/vectors.json'),
    )
  : new Map<string, Uint8Array[]>();

describe(`fuzzing every parser (${FUZZ_PER_PARSER} inputs each, seed ${SEED})`, () => {
  const counts: FuzzCount[] = [];

  for (const [i, target] of FUZZ_TARGETS.entries()) {
    it(`${target.name}: nothing escapes`, () => {
      const c = fuzzTarget(target, FUZZ_PER_PARSER, SEED + i, corpus);
      counts.push(c);
      expect(c.firstFailure, `first input that threw: ${c.firstFailure}`).toBeNull();
      expect(c.escaped).toBe(0);
    }, 60_000);
  }

  afterAll(() => {
    const total = counts.reduce((n, c) => n + c.tried, 0);
    const lines = counts.map((c) => `${c.name}: ${c.tried} tried, ${c.escaped} escaped`);
    console.log(
      `fuzz: ${total} inputs over ${counts.length} parsers (corpus: ${corpus.size ? 'shared vectors' : 'seeds only, no ../shared'})\n  ${lines.join('\n  ')}`,
    );
  });
});

describe('the fuzz harness', () => {
  it('notices a parser that throws', () => {
    const c = fuzzTarget(
      {
        name: 'throws on a long packet starting with 0xF0',
        corpusProtocols: [],
        run: (b) => {
          if (b.length > 3 && b[0] === 0xf0) throw new RangeError('boom');
        },
      },
      5_000,
      1,
      new Map(),
    );
    expect(c.escaped).toBeGreaterThan(0);
    expect(c.firstFailure?.startsWith('f0')).toBe(true);
  });
});
