import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/store/errors.ts';
import { heldInMemoryNotice } from '../../../src/ui/held-in-memory.ts';

describe('the storage notice over sessions held in memory only', () => {
  it('speaks of the one session, with its own files, as ever', () => {
    const full = new StoreError('quota');
    expect(heldInMemoryNotice(full, 1, { lastAmongThem: true, storeOpened: true })).toEqual({
      message: full.message,
      savesAll: false,
    });
  });

  it('says how many when storage is full and several are held, and saves them all in a backup', () => {
    expect(
      heldInMemoryNotice(new StoreError('quota'), 3, { lastAmongThem: true, storeOpened: true }),
    ).toEqual({
      message:
        'Storage is full, so 3 sessions are no longer being saved. They are still here: make room in History, deleting old sessions or freeing their raw motion, and they are saved; or back them up before you close the app.',
      savesAll: true,
      button: 'Back up all sessions (JSON)',
    });
  });

  it('saves in a backup the one session held when it is not the last, which has no file of its own to offer', () => {
    expect(
      heldInMemoryNotice(new StoreError('quota'), 1, { lastAmongThem: false, storeOpened: true }),
    ).toEqual({
      message:
        'Storage is full, so an earlier session is no longer being saved. It is still here: make room in History, deleting old sessions or freeing their raw motion, and it is saved; or back it up before you close the app.',
      savesAll: true,
      button: 'Back up all sessions (JSON)',
    });
  });

  it('says of sessions a full store never took (refused as it opened after an older tab let go) that they are not saved yet, not that saving stopped', () => {
    const full = new StoreError('quota');
    const notSaved = { storeOpened: true, noneSaved: true };
    expect(heldInMemoryNotice(full, 2, { ...notSaved, lastAmongThem: true })).toEqual({
      message:
        'Storage is full, so 2 sessions have not been saved yet. They are still here: make room in History, deleting old sessions or freeing their raw motion, and they are saved; or back them up before you close the app.',
      savesAll: true,
      button: 'Back up all sessions (JSON)',
    });
    expect(heldInMemoryNotice(full, 1, { ...notSaved, lastAmongThem: false })).toEqual({
      message:
        'Storage is full, so an earlier session has not been saved yet. It is still here: make room in History, deleting old sessions or freeing their raw motion, and it is saved; or back it up before you close the app.',
      savesAll: true,
      button: 'Back up all sessions (JSON)',
    });
    expect(heldInMemoryNotice(full, 1, { ...notSaved, lastAmongThem: true })).toEqual({
      message:
        'Storage is full, so this session has not been saved yet. It is still here: make room in History, deleting old sessions or freeing their raw motion, and it is saved; or export it before you close the app.',
      savesAll: false,
    });
  });

  it('saves an earlier session held after the store failed for another reason than room, as when it is full', () => {
    const closed = new StoreError('upgraded', new DOMException('closed', 'InvalidStateError'));
    expect(heldInMemoryNotice(closed, 1, { lastAmongThem: false, storeOpened: true })).toEqual({
      message:
        'Backbeat was updated in another tab, so an earlier session is no longer being saved. It is still here: back it up before you reload.',
      savesAll: true,
      button: 'Save that session (JSON)',
    });
  });

  it('saves every session held after the store failed, not the last alone, and says how many', () => {
    expect(
      heldInMemoryNotice(new StoreError('unknown'), 2, { lastAmongThem: true, storeOpened: true }),
    ).toEqual({
      message:
        'Saving failed, so 2 sessions are no longer being saved. They are still here: back them up before you reload or close the app.',
      savesAll: true,
      button: 'Save these 2 sessions (JSON)',
    });
  });

  it('says of a store that saved and filled up how History makes room, which saves the session', () => {
    const full = new StoreError('quota');
    expect(heldInMemoryNotice(full, 1, { lastAmongThem: true, storeOpened: true }).message).toBe(
      'Storage is full, so this session is no longer being saved. It is still here: make room in History, deleting old sessions or freeing their raw motion, and it is saved; or export it before you close the app.',
    );
  });
});

describe('the storage notice where the store never opened', () => {
  const refused = new StoreError('unavailable', new DOMException('storage is off', 'SecurityError'));

  it('says a session done here is kept only while the tab is open, before any is', () => {
    expect(heldInMemoryNotice(refused, 0, { lastAmongThem: false, storeOpened: false })).toEqual({
      message:
        'This browser does not let Backbeat save data here (storage is off or private): each session is kept only until this tab closes. Save it as a file at its end.',
      savesAll: false,
      headline: 'Not saved in this browser',
    });
  });

  it('says the session is kept only while the tab is open, and offers its own files, not that its saving stopped', () => {
    expect(heldInMemoryNotice(refused, 1, { lastAmongThem: true, storeOpened: false })).toEqual({
      message:
        'This browser does not let Backbeat save data here (storage is off or private): this session is kept only until this tab closes. Save it as a file to keep it.',
      savesAll: false,
      headline: 'Not saved in this browser',
    });
  });

  it('says of several held that they are kept only until the tab closes, and backs them all up', () => {
    expect(heldInMemoryNotice(refused, 2, { lastAmongThem: true, storeOpened: false })).toEqual({
      message:
        'This browser does not let Backbeat save data here (storage is off or private), so 2 sessions are kept only until this tab closes: back them up in one file to keep them.',
      savesAll: true,
      button: 'Back up these 2 sessions (JSON)',
      headline: 'Not saved in this browser',
    });
  });

  it('says the store could not open, not that saving failed, where it failed to open for no known reason', () => {
    const failed = new StoreError('unknown', new DOMException('backing store', 'UnknownError'));
    expect(heldInMemoryNotice(failed, 1, { lastAmongThem: true, storeOpened: false }).message).toBe(
      'Backbeat could not open its storage in this browser: this session is kept only until this tab closes. Save it as a file to keep it.',
    );
  });

  it('keeps the words that say how to save again of an older tab that blocked the store from opening', () => {
    const blocked = new StoreError('blocked');
    expect(heldInMemoryNotice(blocked, 1, { lastAmongThem: true, storeOpened: false }).message).toBe(
      blocked.message,
    );
  });

  it('says of several sessions an older tab keeps from the store that closing that tab saves them, not that their saving stopped', () => {
    expect(
      heldInMemoryNotice(new StoreError('blocked'), 3, { lastAmongThem: true, storeOpened: false }),
    ).toEqual({
      message:
        'An older Backbeat open in another tab stops saving, so 3 sessions are kept in memory only. Close that tab, and this one saves them by itself; until then, back them up before you close this tab.',
      savesAll: true,
      button: 'Save these 3 sessions (JSON)',
    });
    expect(
      heldInMemoryNotice(new StoreError('blocked'), 1, { lastAmongThem: false, storeOpened: false }).message,
    ).toBe(
      'An older Backbeat open in another tab stops saving, so an earlier session is kept in memory only. Close that tab, and this one saves it by itself; until then, back it up before you close this tab.',
    );
  });

  it('says it in few words first, for a screen with room for no more, only where the store never opened', () => {
    const failed = new StoreError('unknown', new DOMException('backing store', 'UnknownError'));
    expect(heldInMemoryNotice(failed, 0, { lastAmongThem: false, storeOpened: false }).headline).toBe(
      'Not saved in this browser',
    );
    expect(
      heldInMemoryNotice(failed, 1, { lastAmongThem: true, storeOpened: true }).headline,
    ).toBeUndefined();
    expect(
      heldInMemoryNotice(new StoreError('blocked'), 0, { lastAmongThem: false, storeOpened: false }).headline,
    ).toBeUndefined();
  });
});
