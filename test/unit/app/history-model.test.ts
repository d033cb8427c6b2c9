import { describe, expect, it } from 'vitest';
import { HistoryModel, type HistoryState } from '../../../src/app/persistence.ts';

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
});
