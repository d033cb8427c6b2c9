// The recordings played through the same decoders as a live device (a bug report): a file picked read
// as one, or why it cannot be, and the last one played kept to play again once it has ended. It stands
// apart from the Devices model, which only takes the device each replay makes in place of the others.

import { parseRecording, type Recording } from '../protocol/recording.ts';
import { ReplaySource, replayName } from '../sensors/replay/replay-source.ts';
import type { Placement } from '../sensors/samples.ts';
import { type Member, type MemberStreams, replayMember } from './device-members.ts';
import { RECORDING_WORDS } from './device-words.ts';
import { personLocale } from './person-locale.ts';

/** A file the person picked, as its text. */
export interface PickedFile {
  readonly text: string;
  readonly fileName: string;
}

/** A picked file read as a recording to replay, or what to tell the person of why it is none. */
export function recordingOfFile(
  file: PickedFile,
): { readonly recording: Recording } | { readonly problem: string } {
  const parsed = parseRecording(file.text);
  if (!parsed.ok) return { problem: RECORDING_WORDS.notARecording(parsed.error.message) };
  // Saved before a device sent anything: it would play as a strap with heart rate only.
  if (parsed.value.packets.length === 0) return { problem: RECORDING_WORDS.empty };
  return { recording: parsed.value };
}

/** What the replays play through: the streams' clock, and the devices the replay takes the place of. */
export interface ReplayHost {
  streams(): MemberStreams;
  /** The replay is the one device read from now; the others are let go. */
  play(member: Member): void;
}

export class RecordingReplays {
  /** The recording last played, to play again once it has ended. */
  private last: {
    readonly recording: Recording;
    readonly placement?: Placement;
    readonly fileName?: string;
  } | null = null;

  constructor(private readonly host: ReplayHost) {}

  /** Plays `recording`; its motion sits where the device that recorded it is worn, unless `placement` says otherwise. */
  play(recording: Recording, placement?: Placement, fileName?: string): void {
    this.last = { recording, placement, fileName };
    const streams = this.host.streams();
    const replay = new ReplaySource(recording, {
      now: streams.now,
      placement,
      name: replayName(recording, fileName, personLocale()),
    });
    this.host.play(replayMember(replay, recording.startedAt ?? null, streams));
    replay.start();
  }

  /** Plays the recording last played again, from its start; none played, nothing. */
  playAgain(): void {
    const last = this.last;
    if (last) this.play(last.recording, last.placement, last.fileName);
  }
}
