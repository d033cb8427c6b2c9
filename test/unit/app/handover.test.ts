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

describe('handing the session recorded here to another tab', () => {
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
});
