// The recordings played in place of the devices: a picked file read as one or told why it is none, and
// the last one played kept to play again from its start, under the same name and where it was worn.

import { BehaviorSubject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Member } from '../../../src/app/device-members.ts';
import { RecordingReplays, recordingOfFile } from '../../../src/app/recording-replays.ts';
import { createRecording, recordPacket, serializeRecording } from '../../../src/protocol/recording.ts';
import * as uuids from '../../../src/protocol/uuids.ts';

const heartRate = createRecording([recordPacket('hrs', Uint8Array.of(0x00, 0x63), 500)]);

describe('a file picked to replay', () => {
  it('is read as the recording it holds', () => {
    const read = recordingOfFile({ text: serializeRecording(heartRate), fileName: 'run.json' });
    expect(read).toEqual({ recording: heartRate });
  });

  it('is told to be no recording, and of what it is where that is known', () => {
    expect(recordingOfFile({ text: 'Eggs, milk, bread', fileName: 'shopping.txt' })).toEqual({
      problem:
        'Not a recording: Backbeat cannot replay that file; only a file made with Save a recording can be.',
    });
    expect(recordingOfFile({ text: '{"format":"backbeat-sessions"}', fileName: 'backup.json' })).toEqual({
      problem:
        'Not a recording: Backbeat cannot replay that file; it is a file of saved sessions (a backup or an export); import it in History.',
    });
  });

  it('is told to be empty when it was saved before any device sent anything', () => {
    expect(
      recordingOfFile({ text: serializeRecording(createRecording([])), fileName: 'empty.json' }),
    ).toEqual({
      problem: 'Empty recording: it was saved before any device sent anything.',
    });
  });
});

describe('the recordings replayed', () => {
  /** Replays whose devices are collected in `played` as they are played, each closed as the next comes. */
  function replaysPlayedInto(played: Member[]): RecordingReplays {
    return new RecordingReplays({
      streams: () => ({ now: () => 0, streamsSuspended: new BehaviorSubject(false) }),
      play: (member) => {
        played.at(-1)?.close();
        played.push(member);
      },
    });
  }

  it('play nothing again before one was played', () => {
    const played: Member[] = [];
    replaysPlayedInto(played).playAgain();
    expect(played).toEqual([]);
  });

  it('play the last one again as a device of its own, named and worn as it was', () => {
    const played: Member[] = [];
    const replays = replaysPlayedInto(played);
    const watch = createRecording([
      recordPacket('infinitime-motion', Uint8Array.of(0, 0, 0, 0, 0, 4), 0, {
        characteristic: uuids.INFINITIME_MOTION,
        device: 'InfiniTime',
      }),
    ]);
    replays.play(heartRate, undefined, 'run.json');
    replays.play(watch, 'chest', 'watch.json');
    replays.playAgain();
    expect(played.map((m) => [m.status.kind, m.status.name, m.status.placement])).toEqual([
      ['replay', 'From run.json', null],
      ['replay', 'From watch.json', 'chest'],
      ['replay', 'From watch.json', 'chest'],
    ]);
    expect(played[2]).not.toBe(played[1]);
    played[2].close();
  });
});
