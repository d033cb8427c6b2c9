// History's backup button is named for what the file it makes would hold, and is not offered when it
// would hold nothing: the settings and what was learned of how the person moves go in every backup,
// so a person moving to a new phone can carry them before a session is saved.
import { describe, expect, it } from 'vitest';
import { backupButtonName } from '../../../src/ui/backup-name.ts';

describe("the name of History's backup button", () => {
  it('is "Back up everything" once a session is saved, whatever else is here', () => {
    expect(backupButtonName({ savedSessions: 1, sessionsInMemory: 0, settings: true })).toBe(
      'Back up everything',
    );
    expect(backupButtonName({ savedSessions: 3, sessionsInMemory: 1, settings: false })).toBe(
      'Back up everything',
    );
  });

  it('names the settings alone while no session is saved or recorded', () => {
    expect(backupButtonName({ savedSessions: 0, sessionsInMemory: 0, settings: true })).toBe(
      'Back up your settings',
    );
  });

  it('names the session recorded here and not saved, with the settings when the backup holds them', () => {
    expect(backupButtonName({ savedSessions: 0, sessionsInMemory: 1, settings: true })).toBe(
      'Back up this session and settings',
    );
    expect(backupButtonName({ savedSessions: 0, sessionsInMemory: 1, settings: false })).toBe(
      'Back up this session',
    );
  });

  it('names how many sessions it takes from memory where several are kept there and none saved', () => {
    expect(backupButtonName({ savedSessions: 0, sessionsInMemory: 2, settings: true })).toBe(
      'Back up these 2 sessions and settings',
    );
    expect(backupButtonName({ savedSessions: 0, sessionsInMemory: 3, settings: false })).toBe(
      'Back up these 3 sessions',
    );
  });

  it('is none for a backup that would hold nothing', () => {
    expect(backupButtonName({ savedSessions: 0, sessionsInMemory: 0, settings: false })).toBeNull();
  });
});
