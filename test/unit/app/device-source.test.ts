// The one source the app reads, made of the devices connected: which of them the heart rate is read
// from first, what the source is named and what kind it is, and the device each exercise's motion
// comes from, as the session's recording names it. The devices are those the app makes (the virtual
// strap, phone motion, a replay, Bluetooth devices picked), none of them connected: their names and
// kinds alone decide. (Which device's reading is the heart rate now is heart-rate-choice's.)

import { of, Subscription } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bluetoothMember,
  type Member,
  phoneMember,
  replayMember,
  virtualMember,
} from '../../../src/app/device-members.ts';
import {
  byHeartRateRank,
  devicesNamedIn,
  heartRateFreshMs,
  memberInfo,
  sourceKindOf,
  sourceOf,
} from '../../../src/app/device-source.ts';
import { createRecording, recordPacket } from '../../../src/protocol/recording.ts';
import { HEART_RATE_FRESH_MS } from '../../../src/sensors/ble/device-kinds.ts';
import { PhoneMotion } from '../../../src/sensors/phone/phone-motion.ts';
import { ReplaySource } from '../../../src/sensors/replay/replay-source.ts';
import { asBluetoothDevice, FakeDevice } from '../sensors/ble/fake-device.ts';

const now = () => 0;
/** The devices made by a test, closed after it. */
const made: Member[] = [];

afterEach(() => {
  for (const m of made.splice(0)) m.close();
});

function closedAfterTheTest(member: Member): Member {
  made.push(member);
  return member;
}

/** A Bluetooth device picked as `kind`, set up but not connected. */
function picked(name: string, kind: Parameters<typeof bluetoothMember>[1]): Member {
  const device = asBluetoothDevice(new FakeDevice(name, []));
  const streams = { now, streamsSuspended: of(false) };
  return closedAfterTheTest(bluetoothMember(device, kind, streams, () => new Subscription()).member);
}

const h10 = () => picked('Polar H10 0A1B2C3D', 'polar');
const plainStrap = () => picked('HRM-Dual 4242', 'heart-rate');
const infiniTime = () => picked('InfiniTime', 'pinetime');
const bangle = () => picked('Bangle.js 1a2b', 'bangle');
const microbit = () => picked('BBC micro:bit [zotep]', 'microbit');
const virtual = () => closedAfterTheTest(virtualMember({ seed: 1, now, habit: 'usual' }));
const phone = () =>
  closedAfterTheTest(phoneMember(new PhoneMotion(new EventTarget(), now), new Subscription()));
const replay = () => {
  const recording = createRecording(
    [recordPacket('hrs', Uint8Array.of(0x00, 72), 0)],
    '2026-12-01T08:00:00Z',
  );
  return closedAfterTheTest(
    replayMember(new ReplaySource(recording, { now, name: 'Replay of 1 Dec' }), null, {
      now,
      streamsSuspended: of(false),
    }),
  );
};

const names = (members: readonly Member[]) => members.map((m) => m.status.name);

describe('the devices the heart rate is read from', () => {
  it('are a chest strap first, then a watch, whatever order they were picked in', () => {
    expect(names(byHeartRateRank([infiniTime(), h10()]))).toEqual(['Polar H10 0A1B2C3D', 'InfiniTime']);
    expect(names(byHeartRateRank([bangle(), plainStrap(), infiniTime()]))).toEqual([
      'HRM-Dual 4242',
      'Bangle.js 1a2b',
      'InfiniTime',
    ]);
  });

  it('keep two of a rank in the order they came', () => {
    expect(names(byHeartRateRank([plainStrap(), h10()]))).toEqual(['HRM-Dual 4242', 'Polar H10 0A1B2C3D']);
    expect(names(byHeartRateRank([h10(), plainStrap()]))).toEqual(['Polar H10 0A1B2C3D', 'HRM-Dual 4242']);
  });

  it('are none of a micro:bit or the phone, which read no pulse', () => {
    expect(names(byHeartRateRank([microbit(), phone()]))).toEqual([]);
    expect(names(byHeartRateRank([phone(), bangle(), microbit()]))).toEqual(['Bangle.js 1a2b']);
    expect(byHeartRateRank([])).toEqual([]);
  });

  it("stand for the heart rate now as long as a strap's reading does, the virtual strap and a replay too", () => {
    expect(heartRateFreshMs('virtual')).toBe(HEART_RATE_FRESH_MS);
    expect(heartRateFreshMs('replay')).toBe(HEART_RATE_FRESH_MS);
  });
});

describe('the source the devices make', () => {
  const sourceInfo = (members: Member[], motion: Member | null) =>
    sourceOf(members, byHeartRateRank(members), motion, () => null).info;

  it('is named after its devices in the order they came, its motion worn where the one read for most exercises is', () => {
    const strap = h10();
    const watch = infiniTime();
    expect(sourceInfo([strap, watch], strap)).toEqual({
      id: 'fake-Polar H10 0A1B2C3D+fake-InfiniTime',
      name: 'Polar H10 0A1B2C3D + InfiniTime',
      kind: 'bluetooth',
      placement: 'chest',
    });
    const alone = infiniTime();
    expect(sourceInfo([alone], alone)).toMatchObject({ name: 'InfiniTime', placement: 'wrist' });
  });

  it('is worn nowhere with a plain heart-rate strap alone, whose heart rate is all it gives', () => {
    expect(sourceInfo([plainStrap()], null)).toEqual({
      id: 'fake-HRM-Dual 4242',
      name: 'HRM-Dual 4242',
      kind: 'bluetooth',
      placement: null,
    });
  });

  it('names three devices, and each device once when a watch counted a set beside the other two', () => {
    const strap = h10();
    const watch = bangle();
    const info = sourceInfo([strap, watch, phone()], strap);
    expect(info.name).toBe('Polar H10 0A1B2C3D + Bangle.js 1a2b + Phone motion');
    expect(devicesNamedIn([info, memberInfo(watch)])).toEqual([
      'Polar H10 0A1B2C3D',
      'Bangle.js 1a2b',
      'Phone motion',
    ]);
  });

  it('is of the phone only with the phone alone, of a replay with a replay, else of Bluetooth', () => {
    expect(sourceKindOf([phone()])).toBe('phone');
    expect(sourceKindOf([h10(), phone()])).toBe('bluetooth');
    expect(sourceKindOf([replay()])).toBe('replay');
    expect(sourceInfo([replay()], null)).toMatchObject({ name: 'Replay of 1 Dec', kind: 'replay' });
  });

  it('is the virtual strap as it names itself, while it is among the devices', () => {
    const strap = virtual();
    expect(sourceInfo([strap], strap)).toEqual(strap.virtual?.info);
    expect(memberInfo(strap)).toEqual(strap.virtual?.info);
  });

  it('gives each exercise the motion of the device picked for it, named as that device alone', () => {
    const strap = h10();
    const watch = infiniTime();
    const plain = plainStrap();
    const source = sourceOf(
      [strap, watch, plain],
      byHeartRateRank([strap, watch, plain]),
      strap,
      (exercise) => (exercise === 'lat-pulldown' ? watch : exercise === 'superman' ? strap : plain),
    );
    expect(source.motionFor('lat-pulldown')).toMatchObject({
      placement: 'wrist',
      source: { id: 'fake-InfiniTime', name: 'InfiniTime', kind: 'bluetooth', placement: 'wrist' },
    });
    expect(source.motionFor('superman')?.source.name).toBe('Polar H10 0A1B2C3D');
    // A plain strap has no motion to give a set.
    expect(source.motionFor('glute-bridge')).toBeNull();
  });
});
