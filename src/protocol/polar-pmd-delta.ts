// Delta-compressed PMD content, exactly as PROTOCOLS.md §2.7 describes it [P-PMD
// `parseDeltaFramesAll`; P-DOC §4.3.2–4.3.3]: a reference sample, then blocks of bit-packed deltas.
import { fail, ok, type Result } from './result.ts';

export interface DeltaBlock {
  /** Bits per delta. */
  readonly width: number;
  /** Samples in the block, as the block header says (may exceed what a truncated frame holds). */
  readonly count: number;
}

export interface DeltaFrame {
  /** Decoded integer samples, interleaved by channel, reference sample first. Values wrap modulo
   * 2^32 like the SDK's integer add (32-bit channels carry float bit patterns). */
  readonly samples: Int32Array;
  readonly sampleCount: number;
  readonly blocks: readonly DeltaBlock[];
  /**
   * The content ended inside a block header or a block's bits. The samples fully present are
   * kept; callers on a live stream should treat the frame as damaged (an MTU below the frame size
   * truncates frames, PROTOCOLS.md §7.11).
   */
  readonly truncated: boolean;
}

function signExtend(value: number, bits: number): number {
  if (bits >= 32) return value | 0;
  const shift = 32 - bits;
  return (value << shift) >> shift;
}

/** Reads `width` bits LSB-first starting at bit `pos` of `bytes` (width ≤ 32). */
function readBits(bytes: Uint8Array, start: number, pos: number, width: number): number {
  let value = 0;
  let got = 0;
  while (got < width) {
    const byteIndex = start + (pos >> 3);
    const bitInByte = pos & 7;
    const take = Math.min(8 - bitInByte, width - got);
    const chunk = (bytes[byteIndex] >> bitInByte) & ((1 << take) - 1);
    // Multiplication instead of << so that bit 31 does not turn the partial value negative early.
    value += chunk * 2 ** got;
    got += take;
    pos += take;
  }
  return value >>> 0;
}

export function decodeDeltaFrame(
  content: Uint8Array,
  channels: number,
  resolution: number,
): Result<DeltaFrame> {
  if (!Number.isInteger(channels) || channels < 1 || channels > 16) {
    return fail('bad-context', `channel count ${channels} is not 1–16`);
  }
  if (!Number.isInteger(resolution) || resolution < 1 || resolution > 32) {
    return fail('bad-context', `resolution ${resolution} bits is not 1–32`);
  }
  const nb = Math.ceil(resolution / 8);
  const refBytes = channels * nb;
  if (content.length < refBytes) {
    return fail('too-short', `delta frame needs ${refBytes} reference bytes, got ${content.length}`);
  }
  const out: number[] = [];
  const previous = new Array<number>(channels);
  for (let c = 0; c < channels; c++) {
    let v = 0;
    for (let i = 0; i < nb; i++) v += content[c * nb + i] * 2 ** (8 * i);
    previous[c] = signExtend(v >>> 0, resolution);
    out.push(previous[c]);
  }
  const blocks: DeltaBlock[] = [];
  let offset = refBytes;
  let truncated = false;
  while (offset < content.length) {
    if (offset + 2 > content.length) {
      truncated = true;
      break;
    }
    const width = content[offset];
    const count = content[offset + 1];
    offset += 2;
    if (width > 32) return fail('bad-format', `delta width ${width} bits is over 32`);
    blocks.push({ width, count });
    const nbytes = Math.ceil((width * count * channels) / 8);
    const available = Math.min(nbytes, content.length - offset);
    // Samples whose bits are all present; a short block keeps its complete samples.
    const whole = width === 0 ? count : Math.min(count, Math.floor((available * 8) / (width * channels)));
    let pos = 0;
    for (let s = 0; s < whole; s++) {
      for (let c = 0; c < channels; c++) {
        const delta = width === 0 ? 0 : signExtend(readBits(content, offset, pos, width), width);
        pos += width;
        previous[c] = (previous[c] + delta) | 0;
        out.push(previous[c]);
      }
    }
    if (available < nbytes) {
      truncated = true;
      break;
    }
    offset += nbytes;
  }
  return ok({ samples: Int32Array.from(out), sampleCount: out.length / channels, blocks, truncated });
}
