// How long raw motion is kept. The accelerometer's samples are by far the largest part of a session
// (about 1 MB at 50 Hz, 4 MB at 200 Hz) and serve only replays and full exports; the sets, holds,
// heart rate and summaries are small and kept for good whatever this says.

import type { MotionUsage } from './session-store.ts';

export type MotionRetention =
  | { readonly keep: 'all' }
  | { readonly keep: 'months'; readonly months: number }
  | { readonly keep: 'none' };

/** The choices the history offers. */
export const RETENTION_MONTHS = [3, 6, 12, 24] as const;

export const KEEP_ALL: MotionRetention = { keep: 'all' };

/** Where the store keeps the setting (BackbeatDB.meta). */
export const RETENTION_KEY = 'motionRetention';

/** The setting read back from storage; anything unexpected keeps everything. */
export function parseRetention(raw: unknown): MotionRetention {
  if (typeof raw !== 'object' || raw === null) return KEEP_ALL;
  const r = raw as Record<string, unknown>;
  if (r.keep === 'none') return { keep: 'none' };
  if (r.keep === 'months' && typeof r.months === 'number' && Number.isInteger(r.months) && r.months > 0) {
    return { keep: 'months', months: r.months };
  }
  return KEEP_ALL;
}

/** Sessions that began before this (epoch ms) lose their raw motion. */
export function retentionCutoff(retention: MotionRetention, nowMs: number): number {
  switch (retention.keep) {
    case 'all':
      return -Infinity;
    case 'none':
      return Infinity;
    case 'months': {
      const d = new Date(nowMs);
      d.setMonth(d.getMonth() - retention.months);
      return d.getTime();
    }
  }
}

/** The finished sessions whose raw motion the setting removes. A session still running is never one. */
export function motionToDrop(
  usage: readonly MotionUsage[],
  retention: MotionRetention,
  nowMs: number,
): MotionUsage[] {
  const cutoff = retentionCutoff(retention, nowMs);
  return usage.filter((u) => u.status === 'finished' && u.bytes > 0 && u.startedAt < cutoff);
}

/**
 * The most raw motion memory keeps of the sessions that ended in a tab an older Backbeat kept from the
 * store, waiting to be written once it opens: some 30 sessions at 50 Hz, 8 at 200 Hz, a month of
 * daily sessions. Held without end, it would grow until the browser closed the tab for its memory,
 * losing every session in it. Past it, the oldest lose theirs first.
 */
export const HELD_MOTION_BYTES = 32e6;

/**
 * How many of the sessions held, oldest first, `bytes` their raw motion each, lose it so that what
 * the rest keep fits `budget`: the oldest first, as the retention setting takes them.
 */
export function heldMotionToDrop(bytes: readonly number[], budget = HELD_MOTION_BYTES): number {
  let kept = bytes.reduce((n, b) => n + b, 0);
  let dropped = 0;
  while (kept > budget && dropped < bytes.length) kept -= bytes[dropped++]!;
  return dropped;
}

export function sameRetention(a: MotionRetention, b: MotionRetention): boolean {
  return a.keep === b.keep && (a.keep !== 'months' || (b.keep === 'months' && a.months === b.months));
}

/** "1.2 MB", "850 kB": space as the person's phone shows it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(bytes >= 1e8 ? 0 : 1)} MB`;
  return `${Math.round(bytes / 1e3)} kB`;
}
