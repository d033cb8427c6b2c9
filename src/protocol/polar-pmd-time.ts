// Per-sample timestamps of a PMD frame, as the SDK computes them (PROTOCOLS.md §2.8) [P-TS,
// P-TESTS `PmdTimeStampUtilsTest`], in exact BigInt arithmetic rather than the SDK's Double: at
// ~6e17 ns a Double loses the last digits, and FST's exact values are the ones the vectors carry.
import { fail, ok, type Result } from './result.ts';

export interface PmdTimestampInput {
  /** Timestamp of the previous frame of the same (type, frame type), 0n when there is none. */
  readonly previousNs: bigint;
  /** The frame's timestamp: the time of its last sample [P-PMD, P-DOC §4.1]. */
  readonly frameNs: bigint;
  readonly sampleCount: number;
  /** Needed only for the first frame (previousNs = 0n). */
  readonly sampleRateHz: number;
}

/** num/den rounded half to even, like Kotlin's `round()`: the SDK test expects 100.5 → 100. */
export function divRoundHalfEven(num: bigint, den: bigint): bigint {
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  let q = num / den;
  let r = num - q * den;
  if (r < 0n) {
    q -= 1n;
    r += den;
  }
  const twice = 2n * r;
  if (twice > den || (twice === den && q % 2n !== 0n)) q += 1n;
  return q;
}

// A sample rate as an exact fraction: rates are whole Hz in practice, but 1e6 keeps any µHz part.
const RATE_SCALE = 1_000_000n;

export function pmdSampleTimestamps(input: PmdTimestampInput): Result<bigint[]> {
  const { previousNs, frameNs, sampleCount: n, sampleRateHz } = input;
  if (!Number.isInteger(n) || n < 0) return fail('bad-context', `sample count ${n} is not a whole number`);
  if (n === 0) return ok([]);
  // A frame holds at most a few hundred samples; a huge count is a caller bug, not a frame.
  if (n > 1_000_000) return fail('bad-context', `sample count ${n} is implausibly large`);
  if (previousNs === 0n) {
    if (!(sampleRateHz > 0) || !Number.isFinite(sampleRateHz)) {
      // The SDK's TimeStampAndFrequencyZeroError.
      return fail('bad-context', 'no previous frame timestamp and no sample rate: sample times are unknown');
    }
    const rate = BigInt(Math.round(sampleRateHz * Number(RATE_SCALE)));
    if (rate === 0n) return fail('bad-context', `sample rate ${sampleRateHz} Hz is too small`);
    const out = new Array<bigint>(n);
    // t_i = frameTs − (n−1−i)·1e9/rate, rounded once from the exact value.
    for (let i = 0; i < n - 1; i++) {
      out[i] = divRoundHalfEven(frameNs * rate - BigInt(n - 1 - i) * 1_000_000_000n * RATE_SCALE, rate);
    }
    out[n - 1] = frameNs;
    if (out[0] < 0n) return fail('bad-context', 'first sample time would be negative'); // NegativeTimeStampError
    return ok(out);
  }
  if (frameNs <= previousNs) {
    return fail('bad-context', `frame timestamp ${frameNs} is not after the previous one ${previousNs}`);
  }
  const span = frameNs - previousNs;
  const count = BigInt(n);
  const out = new Array<bigint>(n);
  // t_i = prev + (i+1)·(frameTs − prev)/n; the last sample is the frame timestamp itself.
  for (let i = 0; i < n - 1; i++) out[i] = divRoundHalfEven(previousNs * count + BigInt(i + 1) * span, count);
  out[n - 1] = frameNs;
  if (out[0] < 0n) return fail('bad-context', 'first sample time would be negative');
  return ok(out);
}
