// Runs every vector of ../shared/vectors/vectors.json whose protocol we support and checks every
// field of its `expected` object: a field no checker claims fails the test, so a new kind of field
// in the shared file cannot pass unnoticed. The vectors come from several libraries whose policies
// differ from ours in a few documented places (PROTOCOLS.md §7); those checks assert our decision
// and that the difference is exactly the documented one.
import { afterAll, expect, it } from 'vitest';
import { parseBatteryLevel } from '../../../src/protocol/battery.ts';
import { parseDeviceInfoString, parseSystemId } from '../../../src/protocol/device-info.ts';
import {
  parseBodySensorLocation,
  parseHeartRateControlPoint,
  parseHeartRateMeasurement,
  rrRawToMs,
} from '../../../src/protocol/heart-rate.ts';
import { hexToBytes, type Result } from '../../../src/protocol/result.ts';
import { describeWithShared, readSharedJson } from '../../shared.ts';

interface Vector {
  readonly protocol: string;
  readonly source: string;
  readonly description: string;
  readonly hex: string;
  readonly expected: Record<string, unknown>;
  readonly notes: string;
  readonly context?: Record<string, unknown>;
  readonly input?: Record<string, unknown>;
  readonly frames?: readonly string[];
  readonly truncated?: boolean;
}

/** The counts at the time of writing (PROTOCOLS.md §8). A drop means vectors stopped being run. */
const MINIMUM_CHECKED: Record<string, number> = {
  hrs: 61,
  bas: 9,
  dis: 6,
  'hrs-body-sensor-location': 10,
  'hrs-control-point': 5,
};

function bytesOf(v: Vector): Uint8Array {
  const r = hexToBytes(v.hex);
  if (!r.ok) throw new Error(`${v.description}: ${r.error.message}`);
  return r.value;
}

/** Checks each expected field with the handler registered for it; unclaimed fields fail. */
function checkFields(
  v: Vector,
  handlers: Record<string, (expected: unknown) => void>,
  expected: Record<string, unknown> = v.expected,
): void {
  for (const [key, want] of Object.entries(expected)) {
    const handler = handlers[key];
    if (!handler) throw new Error(`${v.protocol} "${v.description}": no check for expected field "${key}"`);
    handler(want);
  }
}

function resultValue<T>(v: Vector, r: Result<T>): T {
  if (!r.ok) throw new Error(`${v.protocol} "${v.description}": ${r.error.code}: ${r.error.message}`);
  return r.value;
}

const isBvp = (v: Vector) => v.source.startsWith('eisaev/blevalueparser');
const isNordic = (v: Vector) => v.source.startsWith('NordicSemiconductor/');

function checkHrs(v: Vector): void {
  const e = v.expected;
  if ('cases' in e) {
    // Not a packet: the RR unit conversion table of the Go parser (exact ms, ns rounded half up).
    checkFields(v, {
      cases: (cases) => {
        for (const c of cases as { raw: number; ms: number; ns: number }[]) {
          expect((c.raw * 1000) / 1024).toBe(c.ms);
          expect(rrRawToMs(c.raw)).toBe(Math.round(c.ms));
          expect(Math.round((c.raw * 1e9) / 1024)).toBe(c.ns);
        }
      },
    });
    return;
  }
  const r = parseHeartRateMeasurement(bytesOf(v));
  const invalid = e.valid === false || e.error === true;
  if (invalid) {
    if (v.hex === '170101' && isNordic(v)) {
      // §7.2: Nordic rejects an RR flag with no RR bytes; we keep the bpm with an empty RR list.
      const m = resultValue(v, r);
      expect(m.rrPresent).toBe(true);
      expect(m.rrRaw).toEqual([]);
    } else if (isBvp(v) && bytesOf(v).length > 20) {
      // §7.4: bvp's 20-byte cap is a default-MTU assumption; a longer packet is valid to us.
      const m = resultValue(v, r);
      expect(m.rrRaw.length).toBe((bytesOf(v).length - 5) / 2);
    } else {
      expect(r.ok, v.description).toBe(false);
    }
    checkFields(v, { valid: () => {}, error: () => {} });
    return;
  }
  const m = resultValue(v, r);
  const bpm = (want: unknown) => expect(m.bpm, v.description).toBe(want);
  // Nordic says null for "contact not supported", and null/[] for absent RR; Polar says energy 0
  // when the flag is clear. Our shape is false / [] / null, so map their absences onto ours.
  const contact = (want: unknown) => {
    if (want === null) expect(m.contactSupported).toBe(false);
    expect(m.contactDetected, v.description).toBe(want ?? false);
  };
  const rrRaw = (want: unknown) => expect(m.rrRaw, v.description).toEqual(want ?? []);
  checkFields(v, {
    hrValue: bpm,
    hr: bpm,
    heartRate: bpm,
    sensorContact: contact,
    contactDetected: contact,
    contacted: contact,
    sensorContactSupported: (want) => expect(m.contactSupported, v.description).toBe(want),
    contactSupported: (want) => expect(m.contactSupported, v.description).toBe(want),
    energy: (want) => expect(m.energyExpendedKj ?? 0, v.description).toBe(want),
    energyExpended: (want) => expect(m.energyExpendedKj, v.description).toBe(want),
    rrPresent: (want) => expect(m.rrPresent).toBe(want),
    rrs: rrRaw,
    rrRaw,
    rr: rrRaw,
    rrIntervals: rrRaw,
    rrsCount: (want) => expect(m.rrRaw.length).toBe(want),
    rrsMs: (want) => expect(m.rrMs, v.description).toEqual(want),
    rrMs: (want) => {
      if (isBvp(v)) {
        // §7.3: bvp truncates, we round like Polar: theirs is the floor of the exact value.
        expect(want).toEqual(m.rrRaw.map((raw) => Math.floor((raw * 1000) / 1024)));
        const differences = m.rrMs.map((ms, i) => ms - (want as number[])[i]);
        expect(differences.every((d) => d === 0 || d === 1)).toBe(true);
      } else {
        expect(m.rrMs, v.description).toEqual(want);
      }
    },
  });
}

function checkBas(v: Vector): void {
  const r = parseBatteryLevel(bytesOf(v));
  if (v.expected.valid === false) {
    expect(r.ok, v.description).toBe(false);
    checkFields(v, {
      valid: () => {},
      rawLevel: (want) => {
        if (!r.ok) expect(r.error.message).toContain(String(want));
      },
    });
    return;
  }
  const level = resultValue(v, r).percent;
  const check = (want: unknown) => expect(level, v.description).toBe(want);
  checkFields(v, { batteryLevel: check, level: check, value: check, valid: check });
}

function checkDis(v: Vector): void {
  const r = v.description.includes('System ID')
    ? parseSystemId(bytesOf(v))
    : parseDeviceInfoString(bytesOf(v));
  const s = resultValue(v, r);
  checkFields(v, { value: (want) => expect(s).toBe(want) });
}

function checkBodySensorLocation(v: Vector): void {
  const r = parseBodySensorLocation(bytesOf(v));
  checkFields(v, {
    valid: (want) => expect(r.ok, v.description).toBe(want),
    location: (want) => expect(resultValue(v, r).location).toBe(want),
  });
}

function checkHrControlPoint(v: Vector): void {
  const r = parseHeartRateControlPoint(bytesOf(v));
  checkFields(v, {
    valid: (want) => expect(r.ok, v.description).toBe(want),
    op: (want) => expect(resultValue(v, r).op).toBe(want),
  });
}

const CHECKERS: Record<string, (v: Vector) => void> = {
  hrs: checkHrs,
  bas: checkBas,
  dis: checkDis,
  'hrs-body-sensor-location': checkBodySensorLocation,
  'hrs-control-point': checkHrControlPoint,
};

describeWithShared('shared protocol vectors', () => {
  const vectors = readSharedJson<Vector[]>('vectors/vectors.json');
  const checked = new Map<string, number>();

  for (const [i, v] of vectors.entries()) {
    const checker = CHECKERS[v.protocol];
    if (!checker) continue;
    it(`${v.protocol} #${i}: ${v.description}`, () => {
      checker(v);
      checked.set(v.protocol, (checked.get(v.protocol) ?? 0) + 1);
    });
  }

  afterAll(() => {
    const lines = Object.keys(MINIMUM_CHECKED).map((p) => `${p}: ${checked.get(p) ?? 0}`);
    const total = [...checked.values()].reduce((a, b) => a + b, 0);
    console.log(`vectors checked per protocol (${total} of ${vectors.length}):\n  ${lines.join('\n  ')}`);
  });

  // Declared last: Vitest runs a file's tests in order, so the counts above are complete here.
  it('checked at least as many vectors of each protocol as when the test was written', () => {
    for (const [protocol, minimum] of Object.entries(MINIMUM_CHECKED)) {
      expect(checked.get(protocol) ?? 0, protocol).toBeGreaterThanOrEqual(minimum);
    }
  });
});
