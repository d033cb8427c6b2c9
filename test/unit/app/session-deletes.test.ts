import { describe, expect, it } from 'vitest';
import { endedOnDelete } from '../../../src/app/session-deletes.ts';

const saved = { deleted: true, recorded: false, unsaved: false };
const onScreen = { shown: true, inMemoryOnly: false };

describe('the session that ended last here, when sessions are deleted', () => {
  it('is kept when it was not among those deleted', () => {
    expect(endedOnDelete({ ...saved, deleted: false }, onScreen, true)).toBe('kept');
  });

  it('is kept while it is still being recorded: a delete never meant it', () => {
    expect(endedOnDelete({ ...saved, recorded: true }, onScreen, true)).toBe('kept');
  });

  it('is kept when memory alone ever held it whole: the store deleted from had a part of it at most', () => {
    expect(endedOnDelete({ ...saved, unsaved: true }, onScreen, false)).toBe('kept');
    expect(endedOnDelete({ ...saved, unsaved: true }, onScreen, true)).toBe('kept');
  });

  it('goes, its summary saying so, when it was saved and its summary is on screen', () => {
    expect(endedOnDelete(saved, onScreen, true)).toBe('let go');
    expect(endedOnDelete(saved, onScreen, false)).toBe('let go');
  });

  it('is only never written back when its summary already says it was not kept', () => {
    expect(endedOnDelete(saved, { shown: false, inMemoryOnly: false }, true)).toBe('not written back');
  });

  it('stays on its summary while storage does not save, unless it was deleted here', () => {
    const inMemory = { shown: true, inMemoryOnly: true };
    expect(endedOnDelete(saved, inMemory, false)).toBe('not written back');
    expect(endedOnDelete(saved, inMemory, true)).toBe('let go');
  });
});
