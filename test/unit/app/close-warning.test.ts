import { describe, expect, it } from 'vitest';
import { closingWouldLose, fileKeepsTheSession } from '../../../src/app/close-warning.ts';

const inFile = { takenAsFile: true };
const notInFile = { takenAsFile: false };

describe('closingWouldLose', () => {
  it('loses nothing when memory holds no session alone', () => {
    expect(closingWouldLose({ recordingUnsaved: false, ended: [] })).toBe(false);
  });

  it('loses the session under way while storage is not saving it', () => {
    expect(closingWouldLose({ recordingUnsaved: true, ended: [] })).toBe(true);
  });

  it('loses an ended session memory alone holds until it is taken as a file', () => {
    expect(closingWouldLose({ recordingUnsaved: false, ended: [notInFile] })).toBe(true);
    expect(closingWouldLose({ recordingUnsaved: false, ended: [inFile] })).toBe(false);
  });

  it('loses the sessions before the one taken as a file: a file of one is no file of the others', () => {
    expect(closingWouldLose({ recordingUnsaved: false, ended: [notInFile, inFile] })).toBe(true);
    expect(closingWouldLose({ recordingUnsaved: false, ended: [inFile, inFile] })).toBe(false);
  });

  it('loses the session under way though every ended one is in a file', () => {
    expect(closingWouldLose({ recordingUnsaved: true, ended: [inFile] })).toBe(true);
  });
});

describe('fileKeepsTheSession', () => {
  it('counts only the JSON, which Backbeat restores, as keeping what closing would lose', () => {
    expect(fileKeepsTheSession('json')).toBe(true);
    expect(fileKeepsTheSession('csv')).toBe(false);
    expect(fileKeepsTheSession('fit')).toBe(false);
  });
});
