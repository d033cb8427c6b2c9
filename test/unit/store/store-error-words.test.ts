import { describe, expect, it } from 'vitest';
import {
  deleteFailed,
  importRefused,
  noteAtSummary,
  StoreError,
  toStoreError,
} from '../../../src/store/errors.ts';

const full = () => toStoreError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

describe('what a full store is said as', () => {
  it('says on the summary what to do: save the session as a file, from the buttons below, and free space', () => {
    expect(full().atSummary).toBe(
      'Storage is full: not all of this session is saved. Save it as a file below now, and free some space on the device.',
    );
  });

  it('says on the summary of a session the full store has taken nothing of that it is not saved yet', () => {
    expect(noteAtSummary(full(), false)).toBe(
      'Storage is full: this session has not been saved yet. Save it as a file below now, and free some space on the device.',
    );
    expect(noteAtSummary(full(), true)).toBe(full().atSummary);
    const off = toStoreError(new DOMException('storage is off', 'SecurityError'));
    expect(noteAtSummary(off, false)).toBe(off.atSummary);
  });

  it('says in the line of a set that saving has stopped, not that nothing of the session is saved', () => {
    // The sets written before the store filled up are kept.
    expect(full().brief).toBe('Storage is full: not saving.');
  });

  it('says the line of the other kinds on the summary too: they ask for nothing but the files beside it', () => {
    const off = toStoreError(new DOMException('storage is off', 'SecurityError'));
    expect(off.atSummary).toBe(off.brief);
  });
});

describe('what the notice says of a store that stopped saving before any session', () => {
  it('speaks of a session done here, not of "this session", where the store may stop with none under way', () => {
    // A newer Backbeat's data is met as the app opens, an upgrade in another tab may come on any
    // screen, an older tab's block too: the start screen and History showed "this session stays in
    // memory" over no session at all.
    for (const kind of ['blocked', 'version', 'upgraded'] as const) {
      const { message } = new StoreError(kind);
      expect(message, kind).not.toMatch(/this session/i);
      expect(message, kind).toMatch(/a session here /);
    }
  });

  it('asks for a reload only where one is needed: an older tab closed, this one saves by itself', () => {
    for (const kind of ['version', 'upgraded'] as const) {
      expect(new StoreError(kind).message, kind).toMatch(/export it before you reload\.$/);
    }
    expect(new StoreError('blocked').message).not.toMatch(/reload/);
    expect(importRefused(new StoreError('blocked')).message).not.toMatch(/reload/);
    expect(deleteFailed(new StoreError('blocked'), 'all').message).not.toMatch(/reload/);
  });
});
