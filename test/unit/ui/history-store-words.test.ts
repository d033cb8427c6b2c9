// While the browser does not let Backbeat save, an import can only be refused: History says so beside
// a greyed-out Import a file, before the person goes looking for a file, and says what would let it.
// Where the store would not open, it says why the sessions saved on the device are not listed.
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/store/errors.ts';
import { importBarred, keptUntilTabCloses, sessionsUnread } from '../../../src/ui/history-store-words.ts';
import { STORE_ERROR_KINDS } from '../../store-error-kinds.ts';

const KINDS = STORE_ERROR_KINDS;

describe('why nothing can be imported now', () => {
  it('says storage is off or private when the browser gave no reason', () => {
    expect(importBarred(null)).toBe(
      'Nothing can be imported while this browser does not let Backbeat save data here (storage is off or private).',
    );
  });

  it('says what stopped the saving, and what would let an import in', () => {
    expect(importBarred(new StoreError('quota'))).toBe(
      'Nothing can be imported while storage is full. Free some space on the device: importing comes back by itself once Backbeat can save again.',
    );
    expect(importBarred(new StoreError('moved'))).toBe(
      'Nothing can be imported in this tab: it stopped saving when its session moved to another tab. Import there, or reload this tab.',
    );
  });

  it('is said before a file is picked, not as what became of one', () => {
    for (const kind of KINDS) {
      const words = importBarred(new StoreError(kind));
      expect(words, kind).toMatch(/^Nothing can be imported /);
      expect(words, kind).not.toMatch(/was imported|import again|the file/);
    }
  });
});

describe('what History says of sessions saved on the device that it cannot read', () => {
  it('says why only where the store would not open and the sessions are still on the device', () => {
    const said = (['quota', 'blocked', 'version', 'upgraded', 'moved', 'unavailable', 'unknown'] as const)
      .filter((kind) => sessionsUnread(new StoreError(kind)) !== null)
      .sort();
    expect(said).toEqual(['blocked', 'version']);
    expect(sessionsUnread(null)).toBeNull();
  });
});

describe('what History says of the sessions ended here where the store never opened', () => {
  const off = new StoreError('unavailable', new DOMException('storage is off', 'SecurityError'));

  it('says how many memory keeps until the tab closes, and that a backup keeps them', () => {
    expect(keptUntilTabCloses(off, false, 2)).toBe(
      'Not saved in this browser: the 2 sessions ended here are kept only until this tab closes. Back them up to keep them.',
    );
    expect(keptUntilTabCloses(off, false, 1)).toBe(
      'Not saved in this browser: the session ended here is kept only until this tab closes. Back it up to keep it.',
    );
  });

  it('says nothing with none ended, nor where the store opened or an older tab or a newer Backbeat keeps it', () => {
    expect(keptUntilTabCloses(off, false, 0)).toBeNull();
    expect(keptUntilTabCloses(new StoreError('quota'), true, 2)).toBeNull();
    expect(keptUntilTabCloses(new StoreError('blocked'), false, 2)).toBeNull();
    expect(keptUntilTabCloses(new StoreError('version'), false, 2)).toBeNull();
    expect(keptUntilTabCloses(null, false, 2)).toBeNull();
  });
});
