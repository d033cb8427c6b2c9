import { Decoder, Stream } from '@garmin/fitsdk';
import { describe, expect, it, vi } from 'vitest';
import { CSV_COLUMNS, csvField, strongDuration, toCsv } from '../../../src/export/csv.ts';
import { toFit } from '../../../src/export/fit.ts';
import { fromJson, ImportError, readJson, toJson } from '../../../src/export/json.ts';
import { replayStreams } from '../../../src/export/replay.ts';
import { SessionStore } from '../../../src/store/session-store.ts';
import { summaryHoldMs } from '../../../src/store/summary.ts';
import { sessionDrop, sessionPauses } from '../../../src/workout/device-drops.ts';
import {
  drawingInBrokenByAPause,
  finishedSession,
  strapDroppedSession,
  supermanSet,
} from '../../set-record.ts';
import { begunAt, IMPORTED_AT, recordSession, STARTED_AT, STRAP, withoutWeight } from './recorded-session.ts';

type Bundle = Parameters<typeof toJson>[0][number];

/** Reads a backup of `bundle` back, and checks that it comes back whole, every field of it known. */
function throughABackup(bundle: Bundle): ReturnType<typeof readJson> {
  const back = readJson(toJson([bundle]), IMPORTED_AT);
  expect(back.unknownFields).toEqual([]);
  expect(back.bundles).toEqual([bundle]);
  return back;
}

/** Reading a backup of `bundle` in which set `index` says `value` for `field`, as an edited or damaged file does. */
function readingWithSetField(bundle: Bundle, index: number, field: string, value: unknown) {
  return () => {
    const file = JSON.parse(toJson([bundle]));
    file.sessions[0].sets[index][field] = value;
    return fromJson(JSON.stringify(file), IMPORTED_AT);
  };
}

/** A session whose strap dropped, paused five minutes in for the lost device, `pause` saying more of that pause. */
function pausedForTheLostStrap<More extends object>(pause: More) {
  const dropped = strapDroppedSession('dropped', STARTED_AT);
  return {
    ...dropped,
    session: {
      ...dropped.session,
      snapshot: { ...dropped.session.snapshot!, pausedAtMs: 300_000, pausedFor: 'lost' as const, ...pause },
    },
  };
}

let dbCounter = 0;

/** The Notes column of each set's row. */
const notesOf = (csv: string): string[] =>
  csv
    .trimEnd()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(',').slice(9, -2).join(','));

describe('CSV export', () => {
  it('writes one row per set in the Strong layout', async () => {
    const bundle = await recordSession();
    const lines = toCsv([bundle]).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + bundle.sets.length);
    const d = new Date(STARTED_AT);
    const p = (n: number) => String(n).padStart(2, '0');
    const date = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:00`;
    expect(lines[1]).toBe(`${date},Backbeat back care,3m,Superman,1,,3,0,0,range 16 deg,,`);
    expect(lines[3]).toBe(
      `${date},Backbeat back care,3m,Elbow plank,1,,0,0,34,ended when form broke; form: hips sagged,,`,
    );
    expect(lines[4]).toContain(',Bird dog,1,,4,0,0,"right 2, left 2; range 6 deg",,');
    expect(lines[6]).toContain(',Wide-grip lat pulldown,1,27.5,3,0,0,');
  });

  // A lat pulldown done before the person logged a weight was done at one the app does not know: its
  // Weight is left empty, as Strong leaves a cell it has nothing for and importers of its layout read
  // as none given (a 0 would be a weight made up), and a backup keeps it as none.
  it('writes a lat pulldown done before a weight was logged with none, in the CSV and a backup', async () => {
    const bundle = withoutWeight(await recordSession());
    expect(toCsv([bundle]).trimEnd().split('\r\n')[6]).toContain(',Wide-grip lat pulldown,1,,3,0,0,');
    throughABackup(bundle);
  });

  it('is plain ASCII, which a spreadsheet reads right with no byte-order mark', async () => {
    const bundle = await recordSession();
    const csv = toCsv([bundle]);
    expect(csv).toMatch(/range \d+ deg/);
    expect(csv).toMatch(/^[\x20-\x7e\r\n]*$/);
  });

  it('dates each session by the clock of the place it was done, wherever the file is made', async () => {
    const bundle = await recordSession();
    // Begun at 08:00 on a Monday in Tokyo (+9 h): 23:00 UTC on the Sunday before.
    const tokyo = { ...bundle.session, startedAt: Date.UTC(2026, 10, 15, 23, 0), utcOffsetMin: 540 };
    expect(toCsv([{ session: tokyo, sets: bundle.sets }]).split('\r\n')[1]).toMatch(/^2026-11-16 08:00:00,/);
  });

  it('writes a hold in the whole seconds the app shows and says', async () => {
    const bundle = await recordSession();
    const sets = bundle.sets.map((set) =>
      set.exerciseId === 'elbow-plank' && set.setNumber === 1 ? { ...set, holdMs: 48_600 } : set,
    );
    const plank = toCsv([{ session: bundle.session, sets }]).split('\r\n')[3]!;
    expect(plank).toContain(',Elbow plank,1,,0,0,48,');
  });

  it("writes Duration in Strong's words, which importers read as hours and minutes", () => {
    expect(strongDuration(45_400)).toBe('45s');
    expect(strongDuration(19 * 60_000 + 20_000)).toBe('19m');
    expect(strongDuration(65 * 60_000)).toBe('1h 5m');
    expect(strongDuration(2 * 3_600_000 + 10_000)).toBe('2h');
    expect(strongDuration(-5)).toBe('0s');
  });

  it('leaves the time the app was closed out of Duration', async () => {
    const bundle = await recordSession();
    const away = { atMs: 60_000, gapMs: 40 * 60_000 };
    const resumed = {
      ...bundle,
      session: { ...bundle.session, gaps: [away], endedAt: bundle.session.endedAt! + away.gapMs },
    };
    expect(toCsv([resumed]).split('\r\n')[1]).toContain(',Backbeat back care,3m,');
  });

  it('puts a whole history in one file, oldest session first, from sessions and sets alone', async () => {
    const first = await recordSession();
    const later = {
      session: { ...first.session, id: 'later', startedAt: first.session.startedAt + 86_400_000 },
      sets: first.sets.map((s) => ({ ...s, sessionId: 'later' })),
    };
    const lines = toCsv([later, { session: first.session, sets: first.sets }])
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(1 + 2 * first.sets.length);
    expect(lines[1]!.slice(0, 10) < lines[1 + first.sets.length]!.slice(0, 10)).toBe(true);
  });

  it("notes how a set ended and its form in the app's words, not its codes, and leaves out a set never begun", async () => {
    const bundle = await recordSession();
    const [superman, , plank] = bundle.sets;
    const sets = [
      { ...superman!, index: 0, endedBy: 'stopped' as const, count: 3, target: 10, peakDeg: null },
      { ...superman!, index: 1, setNumber: 2, endedBy: 'skipped' as const, count: 2, peakDeg: null },
      // Skipped before it counted anything: not a set to import.
      { ...superman!, index: 5, setNumber: 3, endedBy: 'skipped' as const, count: 0, peakDeg: null },
      // Skipped while it waited for the person, and kept as never begun: no more a set to import.
      {
        ...superman!,
        index: 6,
        setNumber: 4,
        endedBy: 'skipped' as const,
        count: 0,
        peakDeg: null,
        neverBegun: true,
      },
      {
        ...plank!,
        index: 2,
        endedBy: 'form' as const,
        formIssues: ['plank-sag' as const],
      },
      // A plank is held past its target: one that ends there by leaving the pose ended as it should.
      {
        ...plank!,
        index: 3,
        setNumber: 2,
        endedBy: 'stopped' as const,
        target: 40,
        holdMs: 54_000,
        formIssues: [],
      },
      {
        ...plank!,
        index: 4,
        setNumber: 3,
        endedBy: 'stopped' as const,
        target: 45,
        holdMs: 20_000,
        formIssues: [],
      },
    ];
    const notes = notesOf(toCsv([{ session: bundle.session, sets }]));
    expect(notes).toEqual([
      'stopped before the target of 10 reps',
      'skipped',
      'ended when form broke; form: hips sagged',
      '',
      'stopped before the target of 45 s',
    ]);
  });

  // The person's Skip set, with something counted or held: ended at their tap, not by itself. A set
  // kept before that was told apart has no field, and reads as it always did.
  it('notes a set skipped under way as cut short, at what it reached, as the voice and History call it', async () => {
    const bundle = await recordSession();
    const [superman, , plank] = bundle.sets;
    const sets = [
      {
        ...superman!,
        index: 0,
        endedBy: 'stopped' as const,
        count: 4,
        target: 10,
        peakDeg: null,
        skippedUnderWay: true,
      },
      {
        ...plank!,
        index: 1,
        endedBy: 'stopped' as const,
        target: 45,
        holdMs: 20_400,
        formIssues: [],
        skippedUnderWay: true,
      },
      {
        ...superman!,
        index: 2,
        setNumber: 2,
        exerciseId: 'bat-hang' as const,
        endedBy: 'stopped' as const,
        count: 2,
        target: 5,
        peakDeg: null,
        skippedUnderWay: true,
      },
      // Reps that stopped coming, and a set kept before skips under way were told apart.
      {
        ...superman!,
        index: 3,
        setNumber: 3,
        endedBy: 'stopped' as const,
        count: 4,
        target: 10,
        peakDeg: null,
      },
      // A bird dog's as the voice says it, its reps and each side's, of its target each side.
      {
        ...superman!,
        index: 4,
        setNumber: 1,
        exerciseId: 'bird-dog' as const,
        endedBy: 'stopped' as const,
        count: 5,
        target: 20,
        sides: { right: 3, left: 2 },
        peakDeg: null,
        formIssues: [],
        skippedUnderWay: true,
      },
      // A hold past a minute, in the words the rest after it gives: not "75 s of 90 s".
      {
        ...plank!,
        index: 5,
        setNumber: 2,
        endedBy: 'stopped' as const,
        target: 90,
        holdMs: 75_400,
        formIssues: [],
        skippedUnderWay: true,
      },
    ];
    expect(notesOf(toCsv([{ session: bundle.session, sets }]))).toEqual([
      'cut short at 4 of 10 reps',
      'cut short at 20 s of 45 s',
      '2 breath cycles; cut short at 2 of 5 breath cycles',
      'stopped before the target of 10 reps',
      // Quoted for its commas.
      '"right 3, left 2; cut short at 5 reps, 3 right and 2 left, of 10 each side"',
      'cut short at 1 min 15 s of 1 min 30 s',
    ]);
  });

  // The person's Finish with a set under way: ended at their tap too, and said so as a skip is, with
  // where it was, in History's word for it; "stopped before the target" reads as reps that stopped coming.
  it('notes a set Finish ended under way as cut short, at what it reached', async () => {
    const bundle = await recordSession();
    const [superman, , plank] = bundle.sets;
    const sets = [
      {
        ...superman!,
        index: 0,
        endedBy: 'stopped' as const,
        count: 2,
        target: 10,
        peakDeg: null,
        finishedUnderWay: true,
      },
      {
        ...plank!,
        index: 1,
        endedBy: 'stopped' as const,
        target: 45,
        holdMs: 20_400,
        formIssues: [],
        finishedUnderWay: true,
      },
      // End hold short of its target, and at it.
      {
        ...plank!,
        index: 2,
        endedBy: 'stopped' as const,
        target: 45,
        holdMs: 20_699,
        formIssues: [],
        endedByHand: true,
      },
      {
        ...plank!,
        index: 3,
        endedBy: 'stopped' as const,
        target: 45,
        holdMs: 45_200,
        formIssues: [],
        endedByHand: true,
      },
    ];
    expect(notesOf(toCsv([{ session: bundle.session, sets }]))).toEqual([
      'cut short at 2 of 10 reps',
      'cut short at 20 s of 45 s',
      'cut short at 20 s of 45 s',
      '',
    ]);
  });

  it('notes a hold broken by a pause as the rest after it says it, kept whole or cut short', async () => {
    const bundle = await recordSession();
    const plank = bundle.sets[2]!;
    const hold = { ...plank, endedBy: 'target' as const, target: 15, holdMs: 15_000, formIssues: [] };
    const sets = [
      { ...hold, index: 0, pausedInHold: true as const },
      { ...hold, index: 1 },
      {
        ...hold,
        index: 2,
        endedBy: 'stopped' as const,
        target: 45,
        holdMs: 20_400,
        endedByHand: true,
        pausedInHold: true as const,
      },
    ];
    expect(notesOf(toCsv([{ session: bundle.session, sets }]))).toEqual([
      'with a pause',
      '',
      '"cut short at 20 s of 45 s, with a pause"',
    ]);
  });

  it('notes the time a set stood still for its strap out of reach, and nothing of a drop in the rest', async () => {
    const bundle = await recordSession();
    const superman = {
      ...bundle.sets[0]!,
      index: 0,
      count: 10,
      peakDeg: null,
      startedMs: 6070,
      endedMs: 237_649,
    };
    const next = { ...superman, index: 1, setNumber: 2, startedMs: 290_000, endedMs: 330_000 };
    // Given up on twice in the set, found again by itself and then gone on without; back from a
    // drop in the rest within its reconnecting; a pause of the person's own in the second set.
    const pauses = [
      { atMs: 17_260, ms: 102_300, deviceLost: true as const },
      { atMs: 133_960, ms: 72_000, deviceLost: true as const },
      { atMs: 242_900, ms: 18_000, deviceDropped: true as const, seenMs: 18_000 },
      { atMs: 300_000, ms: 20_000 },
    ];
    const session = {
      ...bundle.session,
      snapshot: { ...bundle.session.snapshot!, pauses },
      sources: [
        { id: 'h10', name: 'Polar H10 0000E2E0', kind: 'bluetooth' as const, placement: 'chest' as const },
      ],
    };
    expect(notesOf(toCsv([{ session, sets: [superman, next] }]))).toEqual([
      'strap out of reach twice: 2 min 54 s not counted',
      '',
    ]);
    // A session kept before a drop given up on was told from the person's pause: as it read then.
    const older = { ...session, snapshot: { ...session.snapshot, pauses: [{ atMs: 17_260, ms: 102_300 }] } };
    expect(notesOf(toCsv([{ session: older, sets: [superman] }]))).toEqual(['']);
  });

  it('notes a set that went on without its device out of reach, a hold timed by hand or reps tapped with +1', async () => {
    const bundle = await recordSession();
    const plank = bundle.sets[2]!;
    const sets = [
      {
        ...plank,
        index: 0,
        target: 30,
        holdMs: 20_400,
        endedBy: 'stopped' as const,
        formIssues: [],
        deviceAway: true as const,
      },
      {
        ...bundle.sets[0]!,
        index: 1,
        peakDeg: null,
        corrections: 2,
        countedAway: 2,
        deviceAway: true as const,
      },
      { ...bundle.sets[0]!, index: 2, peakDeg: null },
    ];
    const session = {
      ...bundle.session,
      sources: [
        { id: 'watch', name: 'Bangle.js 1a2b', kind: 'bluetooth' as const, placement: 'wrist' as const },
      ],
    };
    expect(notesOf(toCsv([{ session, sets }]))).toEqual([
      'stopped before the target of 30 s; watch out of reach during the set',
      'watch out of reach during the set',
      '',
    ]);
  });

  it('notes a set the watch took over from a strap given up for lost, and reads it back from JSON', async () => {
    const bundle = await recordSession();
    const takenOver = {
      from: 'chest',
      placement: 'wrist',
      how: 'lost',
      countBefore: 3,
      heldMsBefore: null,
    } as const;
    const sets = [{ ...bundle.sets[0]!, takenOver }];
    expect(notesOf(toCsv([{ session: bundle.session, sets }]))[0]).toMatch(/; the watch counted from rep 4$/);
    const [back] = fromJson(toJson([{ ...bundle, sets }]), IMPORTED_AT);
    expect(back!.sets[0]!.takenOver).toEqual(takenOver);
  });

  it('notes a set whose strap stayed connected with its motion stopped, and reads it back from JSON, a field it knows', async () => {
    const bundle = await recordSession();
    const sets = [{ ...bundle.sets[0]!, deviceAway: true as const, deviceStopped: true as const }];
    expect(notesOf(toCsv([{ session: bundle.session, sets }]))[0]).toMatch(
      /strap motion stopped during the set$/,
    );
    const back = readJson(toJson([{ ...bundle, sets }]), IMPORTED_AT);
    expect(back.unknownFields).toEqual([]);
    expect(back.bundles[0]!.sets[0]!.deviceStopped).toBe(true);
    expect(readingWithSetField({ ...bundle, sets }, 0, 'deviceStopped', 'yes')).toThrow(
      '"deviceStopped" should be true or false',
    );
  });

  it('says a count or a target of one in the singular', async () => {
    const bundle = await recordSession();
    const [superman] = bundle.sets;
    const sets = [
      { ...superman!, endedBy: 'stopped' as const, count: 0, target: 1, peakDeg: null },
      { ...superman!, index: 1, exerciseId: 'bat-hang' as const, count: 1, target: 1, peakDeg: null },
      {
        ...superman!,
        index: 2,
        exerciseId: 'bat-hang' as const,
        endedBy: 'stopped' as const,
        count: 0,
        target: 1,
        peakDeg: null,
      },
    ];
    const notes = notesOf(toCsv([{ session: bundle.session, sets }]));
    expect(notes).toEqual([
      'stopped before the target of 1 rep',
      '1 breath cycle',
      '0 breath cycles; stopped before the target of 1 breath cycle',
    ]);
  });

  it('quotes separators and defuses spreadsheet formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-12')).toBe('-12');
  });
});

describe('JSON export and import', () => {
  it('round-trips everything, raw motion included, and the motion replays as the frames recorded', async () => {
    const bundle = await recordSession();
    const back = fromJson(toJson([bundle]), IMPORTED_AT);
    expect(bundle.session.summary.weights).toEqual([{ exerciseId: 'lat-pulldown', kg: 27.5 }]);
    expect(back).toEqual([bundle]);
    const replay = replayStreams(back[0]!);
    const frames = replay.accel.get(STRAP.id)!;
    expect(frames).toHaveLength(1810);
    expect(frames[0]).toMatchObject({ t0Ms: 0, dtMs: 5 });
    expect(frames[0]!.xyz[1]).toBeCloseTo(-0.97, 3);
    expect(replay.heartRate.get(STRAP.id)).toHaveLength(181);
  });

  it("writes a bat hang's breath cycles apart from the reps in the file's summary, and reads files of either kind", () => {
    const session = finishedSession('breaths', STARTED_AT, [
      supermanSet(),
      supermanSet({
        exerciseId: 'bat-hang',
        target: 4,
        count: 4,
        peakDeg: null,
        startedMs: 60_000,
        endedMs: 90_000,
      }),
    ]);
    expect(session.session.summary).toMatchObject({ reps: 14, breaths: 4 });
    const text = toJson([session]);
    const file = JSON.parse(text) as { version: number; sessions: { session: { summary: object } }[] };
    // 10 supermans and 4 breaths: a program reading the file sees 10 reps, not 14.
    expect(file.sessions[0]!.session.summary).toMatchObject({ reps: 10, breaths: 4 });
    expect(fromJson(text, IMPORTED_AT)).toEqual([session]);
    // A file written before, its reps the sum with the breaths, reads as it did.
    const before = text.replace('"version":2', '"version":1').replace('"reps":10', '"reps":14');
    expect(before).not.toBe(text);
    expect(fromJson(before, IMPORTED_AT)).toEqual([session]);
    // A session kept before breaths were told apart: its sum stays the file's reps, as History reads it.
    const { breaths: _none, ...olderSummary } = session.session.summary;
    const older = { ...session, session: { ...session.session, summary: olderSummary } };
    const olderText = toJson([older]);
    expect(JSON.parse(olderText).sessions[0].session.summary.reps).toBe(14);
    expect(fromJson(olderText, IMPORTED_AT)).toEqual([older]);
  });

  it("keeps through a backup the pauses a device's drops made, and what the CSV says of them", () => {
    const dropped = strapDroppedSession('dropped', STARTED_AT);
    const [back] = fromJson(toJson([dropped]), IMPORTED_AT);
    expect(back?.session.snapshot?.pauses).toEqual(dropped.session.snapshot?.pauses);
    expect(notesOf(toCsv([back!]))).toEqual([
      'range 16 deg; strap out of reach twice: 2 min 54 s not counted',
      'range 16 deg',
    ]);
  });

  it('keeps through a backup a pause said at once for a device already lost, as no field it does not know', () => {
    const dropped = strapDroppedSession('dropped', STARTED_AT);
    const pauses = dropped.session.snapshot!.pauses!.map((pause) =>
      pause.deviceLost ? { ...pause, saidAtOnce: true as const } : pause,
    );
    expect(pauses.filter((pause) => 'saidAtOnce' in pause)).not.toEqual([]);
    const said = {
      ...dropped,
      session: { ...dropped.session, snapshot: { ...dropped.session.snapshot!, pauses } },
    };
    throughABackup(said);
    // Not true or false: the pause reads as one said as a drop is, and the import says so.
    const file = JSON.parse(toJson([said]));
    const broken = file.sessions[0].session.snapshot.pauses.findIndex(
      (pause: { saidAtOnce?: true }) => pause.saidAtOnce,
    );
    file.sessions[0].session.snapshot.pauses[broken].saidAtOnce = 'yes';
    const read = readJson(JSON.stringify(file), IMPORTED_AT);
    expect(read.bundles[0]?.session.snapshot?.pauses?.[broken]).not.toHaveProperty('saidAtOnce');
    expect(read.putRight).toEqual([
      `session 1, pause ${broken + 1}: "saidAtOnce" should be true or false, so it was left out`,
    ]);
  });

  it('keeps through a backup which device dropped, a watch beside a Polar H9, and reads an older backup as before', () => {
    const dropped = strapDroppedSession('dropped', STARTED_AT);
    const pauses = dropped.session.snapshot!.pauses!.map((pause) => ({
      ...pause,
      placement: 'wrist' as const,
    }));
    const watched = {
      ...dropped,
      session: {
        ...dropped.session,
        snapshot: { ...dropped.session.snapshot!, pauses },
        sources: [
          { id: 'h9', name: 'Polar H9 0A1B2C3D', kind: 'bluetooth' as const, placement: 'chest' as const },
          { id: 'watch', name: 'InfiniTime', kind: 'bluetooth' as const, placement: 'wrist' as const },
        ],
      },
    };
    const [back] = throughABackup(watched).bundles;
    expect(notesOf(toCsv([back!]))[0]).toBe('range 16 deg; watch out of reach twice: 2 min 54 s not counted');
    // Kept before the drop kept its device: said by the session's devices, two of them here.
    const file = JSON.parse(toJson([watched]));
    for (const pause of file.sessions[0].session.snapshot.pauses) delete pause.placement;
    const older = readJson(JSON.stringify(file), IMPORTED_AT);
    expect(older.putRight).toEqual([]);
    expect(notesOf(toCsv(older.bundles))[0]).toBe(
      'range 16 deg; device out of reach twice: 2 min 54 s not counted',
    );
    // A device worn nowhere the app knows: the drop is kept, said by the session's devices.
    file.sessions[0].session.snapshot.pauses[0].placement = 'knee';
    const odd = readJson(JSON.stringify(file), IMPORTED_AT);
    expect(odd.bundles[0]?.session.snapshot?.pauses?.[0]).toEqual({
      atMs: 17_260,
      ms: 102_300,
      deviceLost: true,
    });
    expect(odd.putRight).toEqual([
      'session 1, pause 1: "placement" should be one of chest, wrist, arm, phone, so it was left out',
    ]);
  });

  it('keeps through a backup where the device a session is paused for is worn, and leaves out a value no device is worn at, saying so', () => {
    const paused = pausedForTheLostStrap({ pausedForDevice: 'wrist' as const });
    throughABackup(paused);
    for (const malformed of [7, 'ankle', { atMs: -5_000 }, null]) {
      const file = JSON.parse(toJson([paused]));
      file.sessions[0].session.snapshot.pausedForDevice = malformed;
      const read = readJson(JSON.stringify(file), IMPORTED_AT);
      const snapshot = read.bundles[0]?.session.snapshot;
      // The pause stands, as one whose device the page that resumes it finds by itself.
      expect(snapshot).toMatchObject({ pausedAtMs: 300_000, pausedFor: 'lost' });
      expect(snapshot).not.toHaveProperty('pausedForDevice');
      expect(read.putRight).toEqual([
        'session 1: "session.snapshot.pausedForDevice" should be one of chest, wrist, arm, phone, so it was left out',
      ]);
      expect(read.unknownFields).toEqual([]);
      expect(read.bundles[0]?.sets).toEqual(paused.sets);
    }
  });

  it("leaves out a backup's saved session state where the place or time of the session in it cannot be read, keeping its sets and heart rate, and says so", () => {
    const plan = [
      { exerciseId: 'superman' as const, dosage: { sets: 2, target: 10, restS: 60 } },
      { exerciseId: 'glute-bridge' as const, dosage: { sets: 1, target: 12, restS: 60 } },
    ];
    const dropped = strapDroppedSession('dropped', STARTED_AT);
    const finished = { ...dropped, session: { ...dropped.session, plan } };
    const snapshot = dropped.session.snapshot!;
    const under = {
      ...finished,
      session: {
        ...finished.session,
        status: 'active' as const,
        endedAt: null,
        snapshot: {
          ...snapshot,
          phase: 'set' as const,
          exerciseIndex: 1,
          endedMs: null,
          set: {
            setNumber: 1,
            startedMs: 300_000,
            count: 2,
            sides: { left: 0, right: 0 },
            lastProgressMs: 305_000,
            holdStartMs: null,
            peakDeg: 12,
            formIssues: [],
          },
        },
      },
    };
    throughABackup(finished);
    throughABackup(under);
    const lastExercise = plan.length - 1;
    const NOT_A_TIME = 'should be a time within the session, from its start to 31 days after';
    const cases: [string, unknown, string][] = [
      ['phase', 'warm-up', 'should be one of ready, set, rest, summary'],
      ['phase', 2, 'should be one of ready, set, rest, summary'],
      ['exerciseIndex', lastExercise + 1, `should be a whole number from 0 to ${lastExercise}`],
      ['exerciseIndex', -1, `should be a whole number from 0 to ${lastExercise}`],
      ['exerciseIndex', 'second', 'should be a number'],
      ['nowMs', 'later', 'should be a number'],
      ['nowMs', -5_000, NOT_A_TIME],
      ['nowMs', 1e15, NOT_A_TIME],
      ['startedMs', true, 'should be a number'],
      ['endedMs', -1, NOT_A_TIME],
      ['restEndsMs', 'soon', 'should be a number'],
      ['set', 'the second', 'should be an object'],
      ['set.setNumber', 0, 'should be a set number from 1 to 1000'],
      ['set.count', -2, 'should be a whole number from 0 to 1000'],
      ['set.count', 'two', 'should be a number'],
      ['set.sides', null, 'should be an object'],
      ['set.startedMs', 1e15, NOT_A_TIME],
      ['set.lastProgressMs', 'now', 'should be a number'],
      ['set.holdStartMs', -3, NOT_A_TIME],
      ['set.peakDeg', 'steep', 'should be a number'],
      ['set.formIssues', ['slouch'], 'should be one of over-extension, tabletop-lost, plank-sag'],
    ];
    for (const bundle of [finished, under]) {
      for (const [field, malformed, problem] of cases) {
        const file = JSON.parse(toJson([bundle]));
        const saved = file.sessions[0].session.snapshot;
        if (field.startsWith('set.')) {
          saved.set ??= structuredClone(under.session.snapshot.set);
          saved.set[field.slice('set.'.length)] = malformed;
        } else saved[field] = malformed;
        const read = readJson(JSON.stringify(file), IMPORTED_AT);
        // A list's item is named by its place in the list, as a set's form issue is.
        const where =
          field === 'set.formIssues'
            ? 'session 1, form issue 1: it'
            : `session 1: "session.snapshot.${field}"`;
        expect(read.putRight).toEqual([
          `${where} ${problem}, so its saved state was left out, its pauses kept`,
        ]);
        expect(read.unknownFields).toEqual([]);
        // What History, the summary and the exports read of the session is all there, its pauses too.
        const pauses = snapshot.pauses;
        expect(read.bundles[0]).toEqual({
          ...bundle,
          session: { ...bundle.session, snapshot: null, pauses },
        });
      }
    }
    // No state at all where one was saved, as a file edited by hand may have it.
    for (const malformed of ['paused', 3, []]) {
      const file = JSON.parse(toJson([under]));
      file.sessions[0].session.snapshot = malformed;
      const read = readJson(JSON.stringify(file), IMPORTED_AT);
      expect(read.putRight).toEqual([
        'session 1: "session.snapshot" should be an object, so its saved state was left out',
      ]);
      expect(read.bundles[0]).toEqual({ ...under, session: { ...under.session, snapshot: null } });
    }
  });

  it("keeps the pauses of a backup's finished session whose saved state is left out, for its CSV notes and its FIT timer, and says the saved state alone was left out", async () => {
    const dropped = strapDroppedSession('dropped', STARTED_AT);
    const file = JSON.parse(toJson([dropped]));
    file.sessions[0].session.snapshot.endedMs = 'the end';
    const read = readJson(JSON.stringify(file), IMPORTED_AT);
    expect(read.putRight).toEqual([
      'session 1: "session.snapshot.endedMs" should be a number, so its saved state was left out, its pauses kept',
    ]);
    const [back] = read.bundles;
    expect(back!.session.snapshot).toBeNull();
    // The two drops given up on in the first set are said under it, as before the saved state was lost.
    expect(notesOf(toCsv([back!]))).toEqual(notesOf(toCsv([dropped])));
    expect(notesOf(toCsv([back!]))[0]).toBe('range 16 deg; strap out of reach twice: 2 min 54 s not counted');
    // The FIT timer stands still for each of the three drops (its end is the summary's, the saved one lost).
    const timerOf = async (bundle: Bundle) => {
      const { messages } = new Decoder(Stream.fromByteArray(await toFit(bundle))).read();
      return (messages.eventMesgs ?? [])
        .filter((e) => e.event === 'timer')
        .map((e) => [e.eventType, (e.timestamp as Date).getTime() - STARTED_AT]);
    };
    const stops = (await timerOf(dropped)).slice(0, -1);
    expect(stops).toEqual([
      ['start', 0],
      ['stopAll', 17_000],
      ['start', 119_000],
      ['stopAll', 133_000],
      ['start', 205_000],
      ['stopAll', 242_000],
      ['start', 260_000],
    ]);
    expect((await timerOf(back!)).slice(0, -1)).toEqual(stops);
    // History's line tells the three drops, 3 min 12 s, as before.
    expect(sessionDrop(sessionPauses(back!.session))).toEqual(sessionDrop(dropped.session.snapshot!.pauses));
    expect(sessionDrop(sessionPauses(back!.session))?.ms).toBe(192_300);
    // Backed up again, the session comes back as it was imported, its pauses beside it.
    throughABackup(back!);
    // A pause that cannot be read is left out alone, and said, the others kept.
    file.sessions[0].session.snapshot.pauses[1].atMs = 'later';
    const one = readJson(JSON.stringify(file), IMPORTED_AT);
    expect(one.putRight).toEqual([
      'session 1, pause 2: "atMs" should be a number, so the pause was left out',
      'session 1: "session.snapshot.endedMs" should be a number, so its saved state was left out, its pauses kept',
    ]);
    const [first, , last] = dropped.session.snapshot!.pauses!;
    expect(one.bundles[0]?.session.pauses).toEqual([first, last]);
    // None that can be read: nothing is kept of the saved state, and nothing claims it was.
    file.sessions[0].session.snapshot.pauses = 'none';
    const none = readJson(JSON.stringify(file), IMPORTED_AT);
    expect(none.putRight).toEqual([
      'session 1: "session.snapshot.pauses" should be a list, so its pauses were left out',
      'session 1: "session.snapshot.endedMs" should be a number, so its saved state was left out',
    ]);
    expect(none.bundles[0]?.session).not.toHaveProperty('pauses');
  });

  it("leaves out alone what only some sets have of a backup's set under way where it cannot be read, keeping the rest of the set, and says so", () => {
    const dropped = strapDroppedSession('dropped', STARTED_AT);
    const set = {
      setNumber: 1,
      startedMs: 300_000,
      waiting: false,
      wrongPosture: 'upright' as const,
      warnedMs: 301_000,
      warnedTimes: 1,
      leftMs: null,
      inPosition: true,
      startSeen: 'position' as const,
      begunByHand: false,
      heldSinceMs: null,
      goHeardMs: 302_000,
      goSaidMs: 302_500,
      ranBeforeInterruption: true as const,
      workBeganMs: 302_000,
      count: 2,
      sides: { left: 0, right: 0 },
      lastProgressMs: 308_000,
      repGapsMs: [3_000, 3_000],
      holdStartMs: null,
      holdConfirmedMs: 303_000,
      settlingInMs: 303_500,
      settledMs: 304_000,
      peakDeg: 12,
      atTopSinceMs: null,
      leftTopMs: 307_000,
      deviceAway: true as const,
      deviceStopped: true as const,
      countedAway: 1,
      countedByHand: 0,
      takenOver: {
        from: 'chest' as const,
        placement: 'wrist' as const,
        how: 'lost' as const,
        countBefore: 1,
        heldMsBefore: null,
      },
      formIssues: [],
      formWarning: { issue: 'over-extension' as const, atMs: 306_000 },
      corrections: 1,
      afterRecovery: false,
      pausedInHold: true as const,
      noRestBefore: false,
    };
    const under = {
      ...dropped,
      session: {
        ...dropped.session,
        status: 'active' as const,
        endedAt: null,
        snapshot: {
          ...dropped.session.snapshot!,
          phase: 'set' as const,
          exerciseIndex: 0,
          endedMs: null,
          set,
        },
      },
    };
    throughABackup(under);
    const NOT_A_TIME = 'should be a time within the session, from its start to 31 days after';
    const cases: [string, unknown, string][] = [
      ['waiting', 'yes', '"waiting" should be true or false'],
      ['wrongPosture', 'upside-down', '"wrongPosture" should be one of upright, face-down, face-up, side'],
      ['warnedMs', 'just now', '"warnedMs" should be a number'],
      ['warnedTimes', -1, '"warnedTimes" should be a whole number from 0 to 1000'],
      ['leftMs', -1, `"leftMs" ${NOT_A_TIME}`],
      ['inPosition', 1, '"inPosition" should be true or false'],
      ['startSeen', 'sound', '"startSeen" should be one of position, stillness'],
      ['begunByHand', 'no', '"begunByHand" should be true or false'],
      ['deviceStopped', 'yes', '"deviceStopped" should be true or false'],
      ['heldSinceMs', 'a while', '"heldSinceMs" should be a number'],
      ['goHeardMs', 'soon', '"goHeardMs" should be a number'],
      ['goHeardMs', 1e15, `"goHeardMs" ${NOT_A_TIME}`],
      ['goSaidMs', null, '"goSaidMs" should be a number'],
      ['ranBeforeInterruption', 'yes', '"ranBeforeInterruption" should be true or false'],
      ['workBeganMs', -3, `"workBeganMs" ${NOT_A_TIME}`],
      ['holdConfirmedMs', {}, '"holdConfirmedMs" should be a number'],
      ['settlingInMs', 'now', '"settlingInMs" should be a number'],
      ['settledMs', -1, `"settledMs" ${NOT_A_TIME}`],
      ['atTopSinceMs', 'up', '"atTopSinceMs" should be a number'],
      ['leftTopMs', true, '"leftTopMs" should be a number'],
      ['deviceAway', 'far', '"deviceAway" should be true or false'],
      ['countedAway', 'one', '"countedAway" should be a number'],
      ['countedByHand', [], '"countedByHand" should be a number'],
      ['takenOver', 'by the watch', '"takenOver" should be an object'],
      ['formWarning', 'sag', '"formWarning" should be an object'],
      ['corrections', 'plus one', '"corrections" should be a number'],
      ['afterRecovery', 0, '"afterRecovery" should be true or false'],
      ['pausedInHold', 'yes', '"pausedInHold" should be true or false'],
      ['noRestBefore', null, '"noRestBefore" should be true or false'],
    ];
    for (const [field, malformed, problem] of cases) {
      const file = JSON.parse(toJson([under]));
      file.sessions[0].session.snapshot.set[field] = malformed;
      const read = readJson(JSON.stringify(file), IMPORTED_AT);
      expect(read.putRight).toEqual([
        `session 1: "session.snapshot.set.${problem.slice(1)}, so it was left out`,
      ]);
      expect(read.unknownFields).toEqual([]);
      const { [field as keyof typeof set]: _, ...kept } = set;
      expect(read.bundles[0]).toEqual({
        ...under,
        session: { ...under.session, snapshot: { ...under.session.snapshot, set: kept } },
      });
    }
    // Parts of what only some sets have are read as closely as the whole: the set taken over, the form warning.
    for (const [field, malformed, problem] of [
      ['takenOver', { ...set.takenOver, how: 'gone' }, '"takenOver.how" should be one of lost, stopped'],
      [
        'formWarning',
        { issue: 'slouch', atMs: 306_000 },
        '"formWarning.issue" should be one of over-extension, tabletop-lost, plank-sag',
      ],
    ] as const) {
      const file = JSON.parse(toJson([under]));
      file.sessions[0].session.snapshot.set[field] = malformed;
      const read = readJson(JSON.stringify(file), IMPORTED_AT);
      expect(read.putRight).toEqual([
        `session 1: "session.snapshot.set.${problem.slice(1)}, so it was left out`,
      ]);
    }
    // The set's pace is left out whole where any of it cannot be read: its times are read in turn.
    for (const [malformed, problem] of [
      [5, '"session.snapshot.set.repGapsMs" should be a list'],
      ['fast', '"session.snapshot.set.repGapsMs" should be a list'],
      [[3_000, 'slow'], 'rep time 2: it should be a number'],
    ] as const) {
      const file = JSON.parse(toJson([under]));
      file.sessions[0].session.snapshot.set.repGapsMs = malformed;
      const read = readJson(JSON.stringify(file), IMPORTED_AT);
      const where = problem.startsWith('rep time') ? `session 1, ${problem}` : `session 1: ${problem}`;
      expect(read.putRight).toEqual([`${where}, so the set's rep times were left out`]);
      const { repGapsMs: _, ...withoutPace } = set;
      expect(read.bundles[0]?.session.snapshot?.set).toEqual(withoutPace);
    }
  });

  it("leaves out alone a backup's pause of the session, or what it was for, where it cannot be read, and says so", () => {
    const paused = pausedForTheLostStrap({ pausedToAsk: true as const });
    throughABackup(paused);
    const cases: [string, unknown, string, object][] = [
      ['pausedAtMs', 'a while ago', 'should be a number', { pausedAtMs: null }],
      [
        'pausedAtMs',
        -300_000,
        'should be a time within the session, from its start to 31 days after',
        { pausedAtMs: null },
      ],
      [
        'pausedFor',
        'a nap',
        'should be one of connection, lost, replay',
        { pausedAtMs: 300_000, pausedToAsk: true },
      ],
      ['pausedToAsk', 'yes', 'should be true or false', { pausedAtMs: 300_000, pausedFor: 'lost' }],
    ];
    for (const [field, malformed, problem, kept] of cases) {
      const file = JSON.parse(toJson([paused]));
      file.sessions[0].session.snapshot[field] = malformed;
      const read = readJson(JSON.stringify(file), IMPORTED_AT);
      expect(read.putRight).toEqual([
        `session 1: "session.snapshot.${field}" ${problem}, so it was left out`,
      ]);
      const { pausedAtMs: _at, pausedFor: _for, pausedToAsk: _ask, ...rest } = paused.session.snapshot;
      expect(read.bundles[0]?.session.snapshot).toEqual({ ...rest, ...kept });
      expect(read.bundles[0]?.sets).toEqual(paused.sets);
    }
  });

  it("leaves out a backup's pause it cannot time, reads one whose device mark is broken as the person's own, and says so", () => {
    const first = strapDroppedSession('first', STARTED_AT);
    const second = strapDroppedSession('second', STARTED_AT + 86_400_000);
    const file = JSON.parse(toJson([first, second]));
    const pauses = file.sessions[0].session.snapshot.pauses;
    pauses[0].atMs = 'at the start';
    pauses[1].ms = -72_000;
    pauses[2].deviceDropped = 'yes';
    pauses.push({ atMs: 300_000, ms: 5_000, deviceLost: 1 }, { atMs: 310_000, ms: 4_000, deviceLost: false });
    const read = readJson(JSON.stringify(file), IMPORTED_AT);
    expect(read.bundles[0]?.session.snapshot?.pauses).toEqual([
      { atMs: 242_900, ms: 18_000, seenMs: 18_000 },
      { atMs: 300_000, ms: 5_000 },
      // false is no device's pause, as an absent mark: nothing broken, nothing to say.
      { atMs: 310_000, ms: 4_000 },
    ]);
    // The rest of the session, and the other session, as they were.
    expect(read.bundles[0]?.sets).toEqual(first.sets);
    expect({ ...read.bundles[0]!.session, snapshot: null }).toEqual({ ...first.session, snapshot: null });
    expect(read.bundles[1]).toEqual(second);
    expect(read.putRight).toEqual([
      'session 1, pause 1: "atMs" should be a number, so the pause was left out',
      'session 1, pause 2: "ms" should be a length of time from 0 to 31 days, so the pause was left out',
      'session 1, pause 3: "deviceDropped" should be true or false, so the pause reads as your own',
      'session 1, pause 4: "deviceLost" should be true or false, so the pause reads as your own',
    ]);
    expect(read.unknownFields).toEqual([]);
    expect(readJson(toJson([first]), IMPORTED_AT).putRight).toEqual([]);
    // Not a list of pauses at all: none is kept, the rest of the session is.
    file.sessions[0].session.snapshot.pauses = 'none';
    const none = readJson(JSON.stringify(file), IMPORTED_AT);
    expect(none.bundles[0]?.session.snapshot?.pauses).toBeUndefined();
    expect(none.bundles[0]?.sets).toEqual(first.sets);
    expect(none.putRight).toEqual([
      'session 1: "session.snapshot.pauses" should be a list, so its pauses were left out',
    ]);
  });

  it("reads a backup's time held as its holds' rows add up to, in whole seconds, as an older version did not", async () => {
    const bundle = await recordSession();
    const heldS = bundle.sets.reduce(
      (n, set) => n + (set.holdMs === null ? 0 : Math.floor(set.holdMs / 1000)),
      0,
    );
    expect(bundle.session.summary.holdMs).toBe(heldS * 1000);
    // Written before: the sum of the milliseconds, a second or two more.
    const older = {
      ...bundle,
      session: { ...bundle.session, summary: { ...bundle.session.summary, holdMs: heldS * 1000 + 1700 } },
    };
    const [back] = fromJson(toJson([older]), IMPORTED_AT);
    expect(back!.session.summary.holdMs).toBe(heldS * 1000);
  });

  it("reads a backup's sets a tap ended short of their target as cut short, where an older version called them done", async () => {
    const recorded = await recordSession();
    // Skip set at 1 of the first set's 3 reps, as the set's row has said since before the summary
    // kept how many sets were cut short: that version's summary counted it done.
    const sets = recorded.sets.map((set, i) =>
      i === 0 ? { ...set, count: 1, endedBy: 'stopped' as const, skippedUnderWay: true } : set,
    );
    const { cutShort: _none, ...olderSummary } = recorded.session.summary;
    const older = { ...recorded, sets, session: { ...recorded.session, summary: olderSummary } };
    const [back] = fromJson(toJson([older]), IMPORTED_AT);
    expect(back!.session.summary.cutShort).toBe(1);
  });

  it("reads a backup's bird dog per side from its sets' rows, where an older version kept only the total", async () => {
    const recorded = await recordSession();
    const birdDog = recorded.sets.find((set) => set.exerciseId === 'bird-dog')!;
    expect(recorded.session.summary.perSide).toEqual([
      { exerciseId: 'bird-dog', right: Math.ceil(birdDog.count / 2), left: Math.floor(birdDog.count / 2) },
    ]);
    const { perSide: _none, ...olderSummary } = recorded.session.summary;
    const older = { ...recorded, session: { ...recorded.session, summary: olderSummary } };
    const [back] = fromJson(toJson([older]), IMPORTED_AT);
    expect(back!.session.summary.perSide).toEqual(recorded.session.summary.perSide);
  });

  it('keeps a form problem that ended a hold as such through a backup', async () => {
    const bundle = await recordSession();
    const events = bundle.events.map((row) =>
      row.data.kind === 'motion' && row.data.event.type === 'form'
        ? { ...row, data: { ...row.data, event: { ...row.data.event, endsHold: true } } }
        : row,
    );
    const marked = { ...bundle, events };
    throughABackup(marked);
  });

  it('keeps the time held in holds broken by a pause through a backup, and counts it from the sets of an older one', () => {
    const broken = finishedSession('broken', STARTED_AT, [
      drawingInBrokenByAPause(),
      supermanSet({ exerciseId: 'elbow-plank', target: 30, count: 0, holdMs: 31_000, peakDeg: null }),
    ]);
    expect(broken.session.summary.pausedHoldMs).toBe(45_000);
    throughABackup(broken);
    // Written before the summary kept it: told from its sets, as on the store's upgrade.
    const { pausedHoldMs: _none, ...older } = broken.session.summary;
    const [back] = fromJson(
      toJson([{ ...broken, session: { ...broken.session, summary: older } }]),
      IMPORTED_AT,
    );
    expect(back!.session.summary.pausedHoldMs).toBe(45_000);
  });

  it("keeps the hold last time a session's first plank goal was set from through a backup", async () => {
    const bundle = await recordSession();
    const plan = bundle.session.plan.map((entry) =>
      entry.exerciseId === 'elbow-plank' ? { ...entry, firstHoldLastTimeS: 25 } : entry,
    );
    const marked = { ...bundle, session: { ...bundle.session, plan } };
    throughABackup(marked);

    const file = JSON.parse(toJson([marked]));
    file.sessions[0].session.plan[1].firstHoldLastTimeS = 'long';
    expect(() => fromJson(JSON.stringify(file), IMPORTED_AT)).toThrow(
      'This file is damaged (session 1, plan entry 2): "firstHoldLastTimeS" should be a number. Nothing was imported.',
    );
  });

  it('keeps which exercises the voice explains through a backup', async () => {
    const bundle = await recordSession();
    const plan = bundle.session.plan.map((entry) =>
      entry.exerciseId === 'elbow-plank' ? { ...entry, sayHow: true } : entry,
    );
    const marked = { ...bundle, session: { ...bundle.session, plan } };
    throughABackup(marked);

    const file = JSON.parse(toJson([marked]));
    file.sessions[0].session.plan[1].sayHow = 'yes';
    expect(() => fromJson(JSON.stringify(file), IMPORTED_AT)).toThrow(
      'This file is damaged (session 1, plan entry 2): "sayHow" should be true or false. Nothing was imported.',
    );
  });

  it('keeps a set skipped before it began as never begun through a backup, and an older set as begun', async () => {
    const bundle = await recordSession();
    const [superman] = bundle.sets;
    const skipped = { ...superman!, count: 0, peakDeg: null, endedBy: 'skipped' as const };
    const marked = {
      ...bundle,
      sets: [
        ...bundle.sets,
        { ...skipped, index: bundle.sets.length, setNumber: 3, neverBegun: true },
        // Written before sets skipped unbegun were told apart: it reads as it did, begun.
        { ...skipped, index: bundle.sets.length + 1, setNumber: 4 },
      ],
    };
    const back = throughABackup(marked);
    expect(back.bundles[0]!.sets.at(-1)).not.toHaveProperty('neverBegun');

    expect(readingWithSetField(marked, bundle.sets.length, 'neverBegun', 'yes')).toThrow(
      `This file is damaged (session 1, set ${bundle.sets.length + 1}): "neverBegun" should be true or false. Nothing was imported.`,
    );
  });

  // A set never begun has nothing done in it: one that says otherwise was edited or damaged, and
  // would count as done in the charts and the summary.
  it('refuses a set never begun that has reps counted or a hold time, naming the field', async () => {
    const bundle = await recordSession();
    const [superman, , plank] = bundle.sets;
    const neverBegun = {
      ...superman!,
      count: 0,
      peakDeg: null,
      endedBy: 'skipped' as const,
      neverBegun: true,
    };
    const holdNeverBegun = { ...plank!, holdMs: 0, endedBy: 'skipped' as const, neverBegun: true };
    const marked = {
      ...bundle,
      sets: [
        ...bundle.sets,
        { ...neverBegun, index: bundle.sets.length, setNumber: 3 },
        { ...holdNeverBegun, index: bundle.sets.length + 1, setNumber: 4 },
      ],
    };
    expect(readJson(toJson([marked]), IMPORTED_AT).bundles).toEqual([marked]);
    expect(readingWithSetField(marked, bundle.sets.length, 'count', 2)).toThrow(
      `This file is damaged (session 1, set ${bundle.sets.length + 1}): "count" should be 0 in a set never begun ("neverBegun" is true). Nothing was imported.`,
    );
    expect(readingWithSetField(marked, bundle.sets.length + 1, 'holdMs', 7000)).toThrow(
      `This file is damaged (session 1, set ${bundle.sets.length + 2}): "holdMs" should be 0 or null in a set never begun ("neverBegun" is true). Nothing was imported.`,
    );
  });

  it('keeps a set skipped under way as skipped by the person through a backup', async () => {
    const bundle = await recordSession();
    const [superman] = bundle.sets;
    const skippedUnderWay = { ...superman!, count: 2, endedBy: 'stopped' as const, skippedUnderWay: true };
    const marked = { ...bundle, sets: [...bundle.sets, { ...skippedUnderWay, index: bundle.sets.length }] };
    throughABackup(marked);

    expect(readingWithSetField(marked, bundle.sets.length, 'skippedUnderWay', 'yes')).toThrow(
      `This file is damaged (session 1, set ${bundle.sets.length + 1}): "skippedUnderWay" should be true or false. Nothing was imported.`,
    );
  });

  it('keeps a hold broken by a pause as broken through a backup', async () => {
    const bundle = await recordSession();
    const sets = bundle.sets.map((set) => (set.holdMs ? { ...set, pausedInHold: true as const } : set));
    expect(sets.filter((set) => set.pausedInHold)).not.toEqual([]);
    // Its summary as the recorder keeps it of such sets, which the import counts again from them.
    const summary = { ...bundle.session.summary, pausedHoldMs: summaryHoldMs(sets) };
    throughABackup({ ...bundle, session: { ...bundle.session, summary }, sets });
  });

  // The summary and History say its +1 counted what the device could not see, not a miscount.
  it('keeps a set its device was out of reach in as such, and the reps counted then, through a backup', async () => {
    const bundle = await recordSession();
    const [superman, ...rest] = bundle.sets;
    const away = {
      ...superman!,
      count: superman!.count + 4,
      corrections: 4,
      deviceAway: true as const,
      countedAway: 3,
    };
    throughABackup({ ...bundle, sets: [away, ...rest] });
  });

  // The summary and History say its taps counted reps no device could see, not a miscount put right.
  it('keeps a set counted by hand from the start as such through a backup', async () => {
    const bundle = await recordSession();
    const [superman, ...rest] = bundle.sets;
    const byHand = { ...superman!, count: 3, corrections: 3, countedByHand: 3 };
    throughABackup({ ...bundle, sets: [byHand, ...rest] });
  });

  // Cut short by Finish: restored as ended by the person, not by itself, as the sets are counted.
  it('keeps a set finished under way as ended by the person through a backup', async () => {
    const bundle = await recordSession();
    const [superman] = bundle.sets;
    const finishedUnderWay = { ...superman!, count: 2, endedBy: 'stopped' as const, finishedUnderWay: true };
    const marked = { ...bundle, sets: [...bundle.sets, { ...finishedUnderWay, index: bundle.sets.length }] };
    throughABackup(marked);

    expect(readingWithSetField(marked, bundle.sets.length, 'finishedUnderWay', 1)).toThrow(
      `This file is damaged (session 1, set ${bundle.sets.length + 1}): "finishedUnderWay" should be true or false. Nothing was imported.`,
    );
  });

  it("keeps when each set's work began through a backup, and reads a set kept before without it", async () => {
    const bundle = await recordSession();
    const [superman] = bundle.sets;
    // Counted from its first rep: the recording's supermans go before any "Go" is heard.
    expect(superman!.workBeganMs).toBeGreaterThan(superman!.startedMs);
    throughABackup(bundle);
    const { workBeganMs: _kept, ...older } = superman!;
    const back = throughABackup({ ...bundle, sets: [older, ...bundle.sets.slice(1)] });
    expect(back.bundles[0]!.sets[0]).not.toHaveProperty('workBeganMs');

    expect(readingWithSetField(bundle, 0, 'workBeganMs', superman!.startedMs - 1)).toThrow(
      `This file is damaged (session 1, set 1): "workBeganMs" should be a time from the set's start to 31 days after the session's. Nothing was imported.`,
    );
    expect(readingWithSetField(bundle, 0, 'workBeganMs', 'soon')).toThrow(/"workBeganMs"/);
  });

  it('backs up the whole store to one file and restores it into an empty one', async () => {
    const source = await SessionStore.open({ name: `json-${++dbCounter}` });
    const recorded = await recordSession(source);
    const backup = toJson(await source.allBundles());
    source.close();
    const target = await SessionStore.open({ name: `json-${++dbCounter}` });
    expect(await target.importBundles(fromJson(backup, IMPORTED_AT))).toEqual({
      added: ['session-1'],
      skipped: [],
    });
    expect(await target.loadBundle('session-1')).toEqual(recorded);
    target.close();
    // Three minutes of recording, saved every second into fake-indexeddb: slow on a busy machine.
  }, 20_000);

  it('restores each session into the week it was counted in where it was recorded', async () => {
    const recorded = await recordSession();
    // Begun at 02:00 UTC on Monday, on Sunday evening in New York: in the week before.
    const moved = begunAt(recorded, Date.UTC(2026, 10, 23, 2));
    const backup = toJson([{ ...moved, session: { ...moved.session, utcOffsetMin: -300 } }]);
    const target = await SessionStore.open({ name: `json-${++dbCounter}` });
    await target.importBundles(fromJson(backup, IMPORTED_AT));
    expect((await target.weeks()).map((w) => [w.week, w.past.map((p) => p.id)])).toEqual([
      ['2026-11-16', ['session-1']],
    ]);
    target.close();
  });

  it.each([
    [
      'a backup cut short',
      '{"format": "backbeat-sess',
      /^This file is incomplete: it stops before its first session,/,
    ],
    [
      'another format',
      '{"format":"strong","sessions":[]}',
      'This is not a Backbeat backup: import a backup made in History, or a session exported as JSON. Nothing was imported.',
    ],
    ['a newer format', '{"format":"backbeat-sessions","version":9,"sessions":[]}', /newer Backbeat/],
    [
      "a device's recording",
      '{"format":"backbeat-recording","version":1,"packets":[]}',
      /^This is a recording of what a device sent, not a file of sessions: replay it from the device menu/,
    ],
  ])('refuses %s with a clear message', (_, text, message) => {
    expect(() => fromJson(text, IMPORTED_AT)).toThrow(ImportError);
    expect(() => fromJson(text, IMPORTED_AT)).toThrow(message);
  });

  it.each([
    ['text', 'hello'],
    ['a cut backup', '{"format": "backbeat-sess'],
    ['an empty file', ''],
    ['another format', '{"format":"strong","sessions":[]}'],
    ['a newer format', '{"format":"backbeat-sessions","version":9,"sessions":[]}'],
  ])('says of %s, as of every file it refuses, that nothing was imported', (_, text) => {
    expect(() => fromJson(text, IMPORTED_AT)).toThrow(/Nothing was imported\.$/);
  });

  it.each([
    ['a picture', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR'],
    ['a PDF', '%PDF-1.7\n%\u00e2\u00e3'],
    ['plain text', 'hello'],
  ])('says of %s that it is no backup, not that it may be cut short', (_, text) => {
    expect(() => fromJson(text, IMPORTED_AT)).toThrow(
      'This is not a Backbeat backup: Backbeat imports only the backups (JSON) it saved itself. Nothing was imported.',
    );
  });

  it('names its own CSV and FIT exports when one is given to import instead of a backup', async () => {
    const session = await recordSession();
    expect(() => fromJson(toCsv([session]), IMPORTED_AT)).toThrow(
      /This is a CSV export.*imports only its own backups/,
    );
    const fit = new TextDecoder().decode(await toFit(session));
    expect(() => fromJson(fit, IMPORTED_AT)).toThrow(/This is a FIT export.*imports only its own backups/);
  });

  it('refuses counts no set can have (negative, fractional, or past any dosage), and imports nothing', async () => {
    const good = await recordSession();
    for (const [field, value] of [
      ['count', -5],
      ['count', 2.5],
      ['count', 9999],
    ] as const) {
      expect(readingWithSetField(good, 1, field, value)).toThrow(
        'This file is damaged (session 1, set 2): "count" should be a whole number from 0 to 1000. Nothing was imported.',
      );
    }
    const file = JSON.parse(toJson([good]));
    file.sessions[0].session.summary.reps = -100;
    expect(() => fromJson(JSON.stringify(file), IMPORTED_AT)).toThrow(
      /\(session 1\): "session\.summary\.reps" should be a whole number from 0/,
    );
    const heavy = JSON.parse(toJson([good]));
    heavy.sessions[0].session.summary.weights[0].kg = 2500;
    expect(() => fromJson(JSON.stringify(heavy), IMPORTED_AT)).toThrow(
      'This file is damaged (session 1, weight 1): "kg" should be a weight from 0 to 300 kg. Nothing was imported.',
    );
  });

  it('refuses times and lengths of time no session can have, and imports nothing', async () => {
    const good = await recordSession();
    const day = 86_400_000;
    // Where in the first session, what is put there, and what the message says of it.
    const refused: [string, unknown, string][] = [
      ['session.startedAt', -1e15, '(session 1): "session.startedAt" should be a time from 1970 to 2100'],
      [
        'session.startedAt',
        Date.UTC(2100, 0, 2),
        '(session 1): "session.startedAt" should be a time from 1970 to 2100',
      ],
      ['session.updatedAt', 1e15, '(session 1): "session.updatedAt" should be a time from 1970 to 2100'],
      [
        'session.endedAt',
        STARTED_AT - 1,
        `(session 1): "session.endedAt" should be a time from the session's start to 31 days after, besides the time the app was closed`,
      ],
      [
        'session.summary.durationMs',
        -5000,
        '(session 1): "session.summary.durationMs" should be a length of time from 0 to 31 days',
      ],
      [
        'session.summary.durationMs',
        40 * day,
        '(session 1): "session.summary.durationMs" should be a length of time from 0 to 31 days',
      ],
      [
        'session.summary.holdMs',
        -1,
        '(session 1): "session.summary.holdMs" should be a length of time from 0 to 31 days',
      ],
      [
        'session.gaps',
        [{ atMs: 60_000, gapMs: -1 }],
        '(session 1, gap 1): "gapMs" should be a length of time from 0 to the time since the session began',
      ],
      [
        'session.gaps',
        [{ atMs: -60_000, gapMs: 1000 }],
        '(session 1, gap 1): "atMs" should be a time within the session, from its start to 31 days after',
      ],
      [
        'sets.1.startedMs',
        -1e15,
        '(session 1, set 2): "startedMs" should be a time within the session, from its start to 31 days after',
      ],
      [
        'sets.1.endedMs',
        1e15,
        `(session 1, set 2): "endedMs" should be a time from the set's start to 31 days after the session's`,
      ],
      [
        'sets.1.endedMs',
        good.sets[1]!.startedMs - 1,
        `(session 1, set 2): "endedMs" should be a time from the set's start to 31 days after the session's`,
      ],
      ['sets.2.holdMs', -30_000, '(session 1, set 3): "holdMs" should be a length of time from 0 to 31 days'],
    ];
    for (const [path, value, message] of refused) {
      const file = JSON.parse(toJson([good]));
      const keys = path.split('.');
      const last = keys.pop()!;
      keys.reduce((at, key) => at[key], file.sessions[0])[last] = value;
      expect(() => fromJson(JSON.stringify(file), IMPORTED_AT)).toThrow(
        `This file is damaged ${message}. Nothing was imported.`,
      );
    }
    // Recorded on a device whose clock was reset to 1999 or ran years ahead, or closed for weeks and
    // resumed: what the app recorded by its clock restores.
    for (const at of [Date.UTC(1999, 11, 31, 20), IMPORTED_AT + 4 * 365 * day]) {
      const clock = JSON.parse(toJson([good]));
      const shift = at - good.session.startedAt;
      for (const key of ['startedAt', 'endedAt', 'updatedAt']) clock.sessions[0].session[key] += shift;
      expect(fromJson(JSON.stringify(clock), IMPORTED_AT)).toHaveLength(1);
    }
    // Resumed after the app was closed for weeks, even for longer than any session lasts (it is
    // offered however old it is): a month of session beside the time away.
    for (const away of [20 * day, 40 * day]) {
      const resumed = JSON.parse(toJson([good]));
      resumed.sessions[0].session.gaps = [
        { atMs: 60_000, gapMs: away / 2 },
        { atMs: 90_000, gapMs: away / 2 },
      ];
      resumed.sessions[0].session.endedAt += away;
      expect(fromJson(JSON.stringify(resumed), IMPORTED_AT)).toHaveLength(1);
      resumed.sessions[0].session.endedAt += 31 * day;
      expect(() => fromJson(JSON.stringify(resumed), IMPORTED_AT)).toThrow(/"session\.endedAt" should be/);
    }
  });

  it('keeps the offset from UTC a session began at; a file from before it was kept takes the zone it is read in', async () => {
    const good = await recordSession();
    const file = JSON.parse(toJson([{ ...good, session: { ...good.session, utcOffsetMin: 330 } }]));
    expect(fromJson(JSON.stringify(file), IMPORTED_AT)[0]!.session.utcOffsetMin).toBe(330);
    delete file.sessions[0].session.utcOffsetMin;
    vi.stubEnv('TZ', 'America/New_York');
    try {
      expect(fromJson(JSON.stringify(file), IMPORTED_AT)[0]!.session.utcOffsetMin).toBe(-300);
    } finally {
      vi.unstubAllEnvs();
    }
    // The offset at the end, kept when the clocks changed during the session, comes back with it.
    const summer = JSON.parse(
      toJson([{ ...good, session: { ...good.session, utcOffsetMin: 60, endUtcOffsetMin: 120 } }]),
    );
    expect(fromJson(JSON.stringify(summer), IMPORTED_AT)[0]!.session).toMatchObject({
      utcOffsetMin: 60,
      endUtcOffsetMin: 120,
    });
    file.sessions[0].session.utcOffsetMin = 24 * 60;
    expect(() => fromJson(JSON.stringify(file), IMPORTED_AT)).toThrow(
      '(session 1): "session.utcOffsetMin" should be a whole number of minutes from -720 to 840.',
    );
  });

  it('imports a session whose raw motion is damaged in part without that part, and says so', async () => {
    const good = await recordSession();
    const cut = JSON.parse(toJson([good]));
    cut.sessions[0].motion[4].mg = cut.sessions[0].motion[4].mg.slice(0, 40);
    const foreign = JSON.parse(toJson([good]));
    foreign.sessions[0].motion[1].sessionId = 'other';
    for (const [file, chunk, problem] of [
      [cut, 4, 'it has frames that do not add up to its samples'],
      [foreign, 1, `it belongs to session other, not ${good.session.id}`],
    ] as const) {
      const read = readJson(JSON.stringify(file), IMPORTED_AT);
      expect(read.putRight).toEqual([
        `session 1, motion chunk ${chunk + 1}: ${problem}, so that part of its raw motion was left out`,
      ]);
      const [bundle] = read.bundles;
      expect(bundle!.motion).toEqual(good.motion.filter((_, i) => i !== chunk));
      expect({ ...bundle!, motion: [] }).toEqual({ ...good, motion: [] });
    }
  });

  it('imports a session whose heart rate, events or heart-rate figures are damaged in part without that part, and says so', async () => {
    const good = await recordSession();
    expect(good.heartRate.length).toBeGreaterThan(1);
    expect(good.events.length).toBeGreaterThan(1);
    const file = JSON.parse(toJson([good]));
    file.sessions[0].heartRate[1].bpm = '';
    file.sessions[0].events[0].sessionId = 'other';
    file.sessions[0].session.summary.avgBpm = 5000;
    file.sessions[0].session.summary.recoveryBpm = 'fast';
    const wide = JSON.parse(JSON.stringify(file));
    wide.sessions[0].session.summary.recoveryBpm = 1e6;
    expect(readJson(JSON.stringify(wide), IMPORTED_AT).putRight[1]).toBe(
      'session 1: "session.summary.recoveryBpm" should be a change of heart rate from −300 to 300 bpm, so it was left out',
    );
    const read = readJson(JSON.stringify(file), IMPORTED_AT);
    expect(read.putRight).toEqual([
      'session 1: "session.summary.avgBpm" should be a heart rate from 0 to 300 bpm, so it was left out',
      'session 1: "session.summary.recoveryBpm" should be a number, so it was left out',
      `session 1, event 1: it belongs to session other, not ${good.session.id}, so that event was left out`,
      'session 1, heart-rate chunk 2: it has columns of different lengths, so that part of its heart rate was left out',
    ]);
    const [bundle] = read.bundles;
    expect(bundle!.heartRate).toEqual(good.heartRate.filter((_, i) => i !== 1));
    expect(bundle!.events).toEqual(good.events.slice(1));
    expect(bundle!.session.summary).toEqual({ ...good.session.summary, avgBpm: null, recoveryBpm: null });
    // The sets, holds and reps are the session's as it was recorded.
    expect(bundle!.sets).toEqual(good.sets);
    expect(bundle!.motion).toEqual(good.motion);
  });

  it('says where a damaged file is wrong, and imports nothing from it', async () => {
    const good = await recordSession();
    expect(readingWithSetField(good, 2, 'count', 'many')).toThrow(
      'This file is damaged (session 1, set 3): "count" should be a number. Nothing was imported.',
    );
    const foreign = JSON.parse(toJson([good]));
    foreign.sessions[0].sets[0].sessionId = 'other';
    expect(() => fromJson(JSON.stringify(foreign), IMPORTED_AT)).toThrow(
      /\(session 1, set 1\): it belongs to session other/,
    );
    expect(readingWithSetField(good, 0, 'exerciseId', '<img src=x>')).toThrow(
      /\(session 1, set 1\): "exerciseId" should be one of superman/,
    );
  });
});
