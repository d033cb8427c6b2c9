import { describe, expect, it } from 'vitest';
import { HistoryModel, type HistoryState, keptInMemoryOnly } from '../../../src/app/history-model.ts';

describe('HistoryModel', () => {
  it('gives a new state only for a patch that changes something', () => {
    const history = new HistoryModel();
    const states: HistoryState[] = [];
    const subscription = history.state$.subscribe((state) => states.push(state));
    history.update({ notice: null, offeredPreferences: null });
    expect(states).toHaveLength(1);
    history.update({ moving: true });
    expect(states).toHaveLength(2);
    expect(history.state.moving).toBe(true);
    history.update({ moving: true, notice: null });
    expect(states).toHaveLength(2);
    subscription.unsubscribe();
  });

  it('holds a session in memory alone only while the browser does not let Backbeat save and it was kept', () => {
    const history = new HistoryModel();
    history.update({ storage: 'saving', hasCurrent: true });
    // Saved as it went: the store holds it, or it was deleted from there.
    expect(keptInMemoryOnly(history.state)).toBe(false);
    history.update({ storage: 'memory' });
    expect(keptInMemoryOnly(history.state)).toBe(true);
    // Ended with no set done: not kept.
    history.update({ hasCurrent: false });
    expect(keptInMemoryOnly(history.state)).toBe(false);
  });
});
