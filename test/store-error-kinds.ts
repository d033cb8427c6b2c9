// Every kind of store failure the app words, for tests that go through them all.
import type { StoreErrorKind } from '../src/store/errors.ts';

export const STORE_ERROR_KINDS: readonly StoreErrorKind[] = [
  'quota',
  'blocked',
  'version',
  'upgraded',
  'moved',
  'unavailable',
  'unknown',
];
