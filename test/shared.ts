// Tests that read the team's shared material (real byte vectors, real recordings) find it at
// ../shared beside the project. A user's clone has no ../shared: those tests then skip and say so.
// In CI (CI=true) the material must be there, and its absence fails the run instead of hiding tests.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

export const PROJECT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_DIR = process.env.BACKBEAT_SHARED ?? resolve(PROJECT_DIR, '../shared');

export function hasShared(): boolean {
  return existsSync(join(SHARED_DIR, 'README.md'));
}

/** A describe block that needs ../shared: skipped with a visible message without it, never in CI. */
export function describeWithShared(name: string, body: () => void): void {
  if (hasShared()) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    throw new Error(
      `${name}: the shared material is missing at ${SHARED_DIR}, and CI=true forbids skipping.`,
    );
  }
  console.warn(
    `SKIPPED "${name}": no shared material at ${SHARED_DIR} (clone it beside the project to run these).`,
  );
  describe.skip(name, body);
}

export function readSharedJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(join(SHARED_DIR, relativePath), 'utf8')) as T;
}
