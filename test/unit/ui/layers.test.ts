// DESIGN.md's layers: ui/ sees what lies below app/ through app/ alone, so that data goes one way,
// the UI rendering the app's state and calling its commands. Types carry no behaviour and may come
// from anywhere; a value (a function, a constant, a module run for its side effects) from sensors/,
// store/, export/, motion/ or protocol/ would let the UI do the app's work behind its back.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../../shared.ts';

const SRC = join(PROJECT_DIR, 'src');
const UI = join(SRC, 'ui');
const BEHIND_APP = new Set(['sensors', 'store', 'export', 'motion', 'protocol']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Each module a file takes a value from, as written: by `import`, `export … from` or a dynamic
 * import(), but not by `import type` or `export type`. An `import { type A }` still runs A's module.
 * Read from the text, a statement at the start of a line (as the formatter writes them) up to its
 * module's name, so that words in a comment or a string are no import.
 */
function valueSpecifiers(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const statements = [...text.matchAll(/^(import|export)\b([^;']*?)'([^']+)'/gm)]
    .filter(([, keyword, between]) => keyword === 'import' || /\bfrom\s*$/.test(between))
    .filter(([, , between]) => !/^\s+type\b/.test(between))
    .map((m) => m[3]);
  const dynamic = [...text.matchAll(/\bimport\(\s*['"`]([^'"`]+)['"`]/g)].map((m) => m[1]);
  return [...statements, ...dynamic];
}

/** "bb-history.ts → ../store/errors.ts" for each value the UI takes from past app/. */
function valuesPastApp(): string[] {
  return filesUnder(UI).flatMap((path) =>
    valueSpecifiers(path)
      .filter((spec) => spec.startsWith('.'))
      .filter((spec) => BEHIND_APP.has(relative(SRC, resolve(dirname(path), spec)).split(/[\\/]/)[0]))
      .map((spec) => `${relative(UI, path)} → ${spec}`),
  );
}

describe('ui/ reaches what lies below app/ through app/', () => {
  it('reads the files it checks, and sees their imports of values', () => {
    const files = filesUnder(UI).map((path) => relative(UI, path));
    expect(files).toContain('bb-app.ts');
    expect(files).toContain('bb-history.ts');
    // A value over several lines, and a type alone.
    const history = valueSpecifiers(join(UI, 'bb-history.ts'));
    expect(history).toContain('../app/history-model.ts');
    expect(history).not.toContain('../store/records.ts');
    expect(history).not.toContain('../app/persistence.ts');
  });

  it('takes no value from sensors/, store/, export/, motion/ or protocol/, only their types', () => {
    expect(valuesPastApp()).toEqual([]);
  });
});
