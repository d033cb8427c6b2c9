import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/store/errors.ts';
import { heldInMemoryNotice } from '../../../src/ui/held-in-memory.ts';

describe('the storage notice over sessions held in memory only', () => {
  it('speaks of the one session, with its own files, as ever', () => {
    const full = new StoreError('quota');
    expect(heldInMemoryNotice(full, 1, { lastAmongThem: true })).toEqual({
      message: full.message,
      savesAll: false,
    });
  });

  it('says how many when storage is full and several are held, and saves them all in a backup', () => {
    expect(heldInMemoryNotice(new StoreError('quota'), 3, { lastAmongThem: true })).toEqual({
      message:
        'Storage is full, so 3 sessions are no longer being saved. They are still here: back them up before you close the app.',
      savesAll: true,
      button: 'Back up all sessions (JSON)',
    });
  });

  it('saves in a backup the one session held when it is not the last, which has no file of its own to offer', () => {
    expect(heldInMemoryNotice(new StoreError('quota'), 1, { lastAmongThem: false })).toEqual({
      message:
        'Storage is full, so an earlier session is no longer being saved. It is still here: back it up before you close the app.',
      savesAll: true,
      button: 'Back up all sessions (JSON)',
    });
  });

  it('saves an earlier session held after the store failed for another reason than room, as when it is full', () => {
    const closed = new StoreError('upgraded', new DOMException('closed', 'InvalidStateError'));
    expect(heldInMemoryNotice(closed, 1, { lastAmongThem: false })).toEqual({
      message:
        'Backbeat was updated in another tab, so an earlier session is no longer being saved. It is still here: back it up before you reload.',
      savesAll: true,
      button: 'Save that session (JSON)',
    });
  });

  it('saves every session held after the store failed, not the last alone, and says how many', () => {
    expect(heldInMemoryNotice(new StoreError('unknown'), 2, { lastAmongThem: true })).toEqual({
      message:
        'Saving failed, so 2 sessions are no longer being saved. They are still here: back them up before you reload or close the app.',
      savesAll: true,
      button: 'Save these 2 sessions (JSON)',
    });
  });
});
