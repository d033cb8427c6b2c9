// protocol/ is the pure core (DESIGN.md: "may import nothing of ours", no Web Bluetooth types), so
// that the decode command, replay and the tests run it in Node unchanged. This keeps it that way.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../../shared.ts';

const DIR = join(PROJECT_DIR, 'src/protocol');
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));

describe('protocol/ stays pure', () => {
  it('has its files', () => {
    expect(files).toContain('heart-rate.ts');
    expect(files).toContain('polar-pmd.ts');
  });

  for (const file of files) {
    it(`${file} imports only its siblings and uses no browser Bluetooth API`, () => {
      const text = readFileSync(join(DIR, file), 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const spec of imports) expect(spec, spec).toMatch(/^\.\/[a-z0-9-]+\.ts$/);
      expect(text).not.toMatch(/\bBluetooth(RemoteGATT|Device|Characteristic)\w*/);
      expect(text).not.toMatch(/navigator\.|\bwindow\.|\bdocument\./);
    });
  }
});
