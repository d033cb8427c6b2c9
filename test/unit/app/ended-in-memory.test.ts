import { describe, expect, it } from 'vitest';
import { EndedInMemory } from '../../../src/app/ended-in-memory.ts';
import { SessionRecorder } from '../../../src/store/recorder.ts';
import { SessionModel } from '../../../src/workout/session-model.ts';

/** A session recorded with no store, as one that ended while storage was full or off. */
function ended(id: string): SessionRecorder {
  const model = new SessionModel(() => 5000);
  model.start();
  return SessionRecorder.start(null, model.state, [], { newId: () => id });
}

const ids = (recorders: readonly SessionRecorder[]) => recorders.map((recorder) => recorder.sessionId);

describe('the ended sessions memory alone holds whole', () => {
  it('lists those that ended with no store, then those waiting for room in the order they ended, then those the store failed', () => {
    const memory = new EndedInMemory();
    const [unsaved, first, second, failed] = ['unsaved', 'first', 'second', 'failed'].map(ended);
    memory.waitForRoom(first!, second!);
    memory.holdUnsaved(unsaved!);
    memory.waitForRoom(failed!);
    memory.leaveLine(failed!);
    memory.failedToCatchUp(failed!);
    expect(ids(memory.all())).toEqual(['unsaved', 'first', 'second', 'failed']);
    expect(memory.firstWaiting()).toBe(first);
    // Storage failed for good: those waiting are held as failed, none waits any more.
    memory.failAllWaiting();
    expect(memory.firstWaiting()).toBeUndefined();
    expect(ids(memory.all())).toEqual(['unsaved', 'failed', 'first', 'second']);
  });

  it('lets go of those deleted, never to be written again, but not of one that ended with no store', () => {
    const memory = new EndedInMemory();
    const [unsaved, waiting, kept, failed] = ['unsaved', 'waiting', 'kept', 'failed'].map(ended);
    memory.holdUnsaved(unsaved!);
    memory.waitForRoom(waiting!, kept!);
    memory.failedToCatchUp(failed!);
    memory.letGoOfDeleted((id) => id !== 'kept');
    expect(ids(memory.all())).toEqual(['unsaved', 'kept']);
    expect(memory.isDeleted(waiting!)).toBe(true);
    expect(memory.isDeleted(kept!)).toBe(false);
    expect(memory.isUnsaved(unsaved!)).toBe(true);
    // Offered to a store that opened at last: no longer held as never offered.
    memory.offered(unsaved!);
    expect(memory.neverOffered()).toEqual([]);
    expect(ids(memory.all())).toEqual(['kept']);
  });
});
