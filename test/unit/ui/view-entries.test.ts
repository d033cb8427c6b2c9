// The browser's history as the app's screens change: one entry for a screen over the session.
import { describe, expect, it } from 'vitest';
import { entryChange, entryOfView, viewOfEntry } from '../../../src/ui/view-entries.ts';

describe('the screen a browser history entry stands for', () => {
  it('is the screen the app pushed, read back from its entry', () => {
    expect(viewOfEntry(entryOfView('history'))).toBe('history');
    expect(viewOfEntry(entryOfView('settings'))).toBe('settings');
    expect(viewOfEntry(entryOfView('session'))).toBe('session');
  });

  it("is the session for an entry the app did not push: a new page's, another's, or one of a name it does not know", () => {
    expect(viewOfEntry(null)).toBe('session');
    expect(viewOfEntry(undefined)).toBe('session');
    expect(viewOfEntry({ scrollTop: 300 })).toBe('session');
    expect(viewOfEntry({ backbeatView: 'summary' })).toBe('session');
  });
});

describe("the browser's history as the screen changes", () => {
  it('gains an entry for History or Settings opened over the session', () => {
    expect(entryChange('session', 'history', 'session')).toBe('push');
    expect(entryChange('session', 'settings', 'session')).toBe('push');
  });

  it('replaces that entry as one screen over the session opens another, so that one Back returns to the session', () => {
    expect(entryChange('settings', 'history', 'settings')).toBe('replace');
    expect(entryChange('history', 'settings', 'history')).toBe('replace');
  });

  it("steps back over that entry as the app returns to the session, and not past the session's own", () => {
    expect(entryChange('history', 'session', 'history')).toBe('back');
    expect(entryChange('settings', 'session', 'settings')).toBe('back');
    expect(entryChange('history', 'session', 'session')).toBe('none');
  });
});
