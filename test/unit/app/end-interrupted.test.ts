import { describe, expect, it } from 'vitest';
import { endedIfNothingToResume } from '../../../src/app/end-interrupted.ts';
import { recordSession } from '../export/recorded-session.ts';

describe("a backup's unfinished session with nothing to resume from", () => {
  it('is ended where it stopped, its sets and heart rate kept, as Keep it as it is ends one', async () => {
    const recorded = await recordSession();
    const left = {
      ...recorded,
      session: { ...recorded.session, status: 'active' as const, endedAt: null, snapshot: null },
    };
    const ended = endedIfNothingToResume(left);
    expect(ended.session.status).toBe('finished');
    expect(ended.session.endedAt).toBe(recorded.session.startedAt + recorded.session.summary.durationMs);
    expect(ended.session.summary).toEqual(recorded.session.summary);
    expect(ended.sets).toEqual(recorded.sets);
    expect(ended.heartRate).toBe(recorded.heartRate);
  });

  it('leaves a session with a state to resume from, and a finished one, as they are', async () => {
    const recorded = await recordSession();
    expect(endedIfNothingToResume(recorded)).toBe(recorded);
    const noState = { ...recorded, session: { ...recorded.session, snapshot: null } };
    expect(endedIfNothingToResume(noState)).toBe(noState);
    const resumable = {
      ...recorded,
      session: { ...recorded.session, status: 'active' as const, endedAt: null },
    };
    expect(endedIfNothingToResume(resumable)).toBe(resumable);
  });
});
