// A recording of the Bluetooth traffic as a file the person can attach to a bug report.
import { createRecording, type Recording, serializeRecording } from '../protocol/recording.ts';
import { fileStamp } from '../workout/calendar.ts';
import type { Member } from './device-members.ts';
import type { ExportedFile } from './session-files.ts';

/**
 * Everything `devices` sent and were sent (a replay: the packets played so far), in the order it
 * came, `nowMs` on the clock the packets are timed by and `wallNowMs` the date now. Played packets
 * keep their recorded times: the recording keeps its original's date (or, like the original, has
 * none), not the moment it was saved. A live recording is dated by its first packet: saved after a
 * session, it began when the session did.
 */
export function recordingOf(
  devices: readonly Pick<Member, 'recordedPackets' | 'recordedAt'>[],
  nowMs: number,
  wallNowMs: number,
): Recording {
  const packets = devices.flatMap((d) => d.recordedPackets()).sort((a, b) => a.tMs - b.tMs);
  const replayed = devices.find((d) => d.recordedAt !== undefined);
  const sinceFirstMs = packets.length ? nowMs - packets[0].tMs : 0;
  const startedAt = replayed
    ? (replayed.recordedAt ?? undefined)
    : new Date(wallNowMs - sinceFirstMs).toISOString();
  return createRecording(packets, startedAt);
}

/**
 * The recording as a file, named by when it began on this device's clock as sessions' files are:
 * backbeat-recording-2026-11-22-1820.json.
 */
export function recordingFile(recording: Recording): ExportedFile {
  const startedAt = recording.startedAt ? Date.parse(recording.startedAt) : Number.NaN;
  return {
    filename: Number.isNaN(startedAt)
      ? 'backbeat-recording.json'
      : `backbeat-recording-${fileStamp(startedAt)}.json`,
    blob: new Blob([serializeRecording(recording)], { type: 'application/json' }),
  };
}
