import { describe, expect, it, vi } from 'vitest';
import { Handover } from '../../../src/app/handover.ts';
import { HistoryModel } from '../../../src/app/history-model.ts';
import { SINGLE_TAB, type TabMessage, type Tabs } from '../../../src/app/tabs.ts';
import type { SessionRecorder } from '../../../src/store/recorder.ts';

/** A tab recording the session `sessionId`, with what its handover does kept in order. */
function recordingTab(sessionId: string) {
  const done: string[] = [];
  const posted: TabMessage[] = [];
  let recorder: SessionRecorder | null = {
    sessionId,
    flush: async () => void done.push('flush'),
  } as SessionRecorder;
  const tabs: Tabs = { ...SINGLE_TAB, post: (message) => void posted.push(message) };
  const history = new HistoryModel();
  const handover = new Handover({
    tabs,
    history,
    recording: () => recorder,
    detach: () => {
      done.push('detach');
      recorder = null;
    },
    resetSession: () => void done.push('reset'),
  });
  return { handover, history, done, posted, recorder: recorder! };
}

/** A tab recording nothing, about to take a session over through `tabs`. */
function takingTab(tabs: Tabs) {
  const history = new HistoryModel();
  const handover = new Handover({
    tabs,
    history,
    recording: () => null,
    detach: () => {},
    resetSession: () => {},
  });
  return { handover, history };
}

describe('handing a session between tabs', () => {
  it('stops recording, stops the session, saves the last second and says it stopped here, on a move asked for it', async () => {
    const tab = recordingTab('s1');
    await tab.handover.moveAsked('s1');
    expect(tab.done).toEqual(['detach', 'reset', 'flush']);
    expect(tab.posted).toEqual([{ type: 'stopped', sessionId: 's1' }]);
    expect(tab.history.state.movedAway).toBe(true);
    expect(tab.handover.recordedWhereItMoved(new Set(['s1']))).toBe(true);
    // Once the tab it moved to lets go of it, it is recorded there no more.
    expect(tab.handover.recordedWhereItMoved(new Set())).toBe(false);
  });

  it('keeps the session on a move asked for another', async () => {
    const tab = recordingTab('s1');
    await tab.handover.moveAsked('s2');
    expect(tab.done).toEqual([]);
    expect(tab.posted).toEqual([]);
    expect(tab.handover.recordedWhereItMoved(new Set(['s1', 's2']))).toBe(false);
  });

  it('hands it over once its lock is taken by force, while it is still recorded here', async () => {
    const tab = recordingTab('s1');
    let lose!: () => void;
    const lost = new Promise<void>((resolve) => (lose = resolve));
    tab.handover.handOverIfLost(tab.recorder, { release: () => undefined, lost });
    expect(tab.done).toEqual([]);
    lose();
    await vi.waitFor(() => expect(tab.posted).toEqual([{ type: 'stopped', sessionId: 's1' }]));
    expect(tab.done).toEqual(['detach', 'reset', 'flush']);
  });

  it('takes the session from the tab that records it, once it lets go, saying it is moving meanwhile', async () => {
    const posted: TabMessage[] = [];
    const holds: object[] = [];
    const held = { release: () => undefined, lost: new Promise<void>(() => undefined) };
    const { handover, history } = takingTab({
      ...SINGLE_TAB,
      post: (message) => void posted.push(message),
      hold: async (_, options) => {
        holds.push({ steal: options?.steal ?? false });
        return held;
      },
    });
    const resumed: unknown[] = [];
    await handover.takeHere('s1', async (taken) => {
      expect(history.state.moving).toBe(true);
      resumed.push(taken);
    });
    expect(posted).toEqual([{ type: 'move', sessionId: 's1' }]);
    expect(holds).toEqual([{ steal: false }]);
    expect(resumed).toEqual([held]);
    expect(history.state.moving).toBe(false);
  });

  it('takes the lock by force from a tab that does not let go in time', async () => {
    const holds: boolean[] = [];
    const held = { release: () => undefined, lost: new Promise<void>(() => undefined) };
    const { handover, history } = takingTab({
      ...SINGLE_TAB,
      hold: async (_, options) => {
        holds.push(options?.steal ?? false);
        if (options?.steal) return held;
        throw new DOMException('The operation timed out.', 'TimeoutError');
      },
    });
    const resumed: unknown[] = [];
    await handover.takeHere('s1', async (taken) => void resumed.push(taken));
    expect(holds).toEqual([false, true]);
    expect(resumed).toEqual([held]);
    expect(history.state.moving).toBe(false);
  });
});
