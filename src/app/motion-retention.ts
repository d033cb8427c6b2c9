// How long raw motion is kept: the setting (in the store's meta), the space raw motion takes, and
// removing what the setting no longer keeps, as History offers it and after each session.

import {
  formatBytes,
  type MotionRetention,
  motionToDrop,
  parseRetention,
  RETENTION_KEY,
} from '../store/retention.ts';
import type { MotionUsage, SessionStore } from '../store/session-store.ts';
import type { MotionState } from './history-model.ts';

/** The choices of how long raw motion is kept, as History offers them (setRetention), and its sizes' words. */
export { formatBytes, KEEP_ALL, RETENTION_MONTHS, sameRetention } from '../store/retention.ts';

/** Raw motion removed, or that would be. */
export interface FreedMotion {
  readonly sessions: number;
  readonly bytes: number;
}

export async function retentionOf(store: SessionStore): Promise<MotionRetention> {
  return parseRetention(await store.getMeta(RETENTION_KEY));
}

/** How much raw motion is kept, over how many sessions, and the setting; with the usage per session. */
export async function readMotionState(
  store: SessionStore,
): Promise<{ readonly motion: MotionState; readonly usage: readonly MotionUsage[] }> {
  const [retention, usage] = await Promise.all([retentionOf(store), store.motionUsage()]);
  const kept = usage.filter((u) => u.bytes > 0);
  return {
    motion: { retention, bytes: kept.reduce((n, u) => n + u.bytes, 0), sessions: kept.length },
    usage,
  };
}

/** What `retention` would free of the raw motion `usage` lists, at wall time `nowMs`. */
export function motionFreedBy(
  usage: readonly MotionUsage[],
  retention: MotionRetention,
  nowMs: number,
): FreedMotion {
  return sizeOf(motionToDrop(usage, retention, nowMs));
}

/**
 * Removes the raw motion `retention` no longer keeps, then stores it as the setting; returns what that
 * freed. The motion goes first: on a full store it is what makes room for the setting itself.
 */
export async function storeRetention(
  store: SessionStore,
  retention: MotionRetention,
  wallNow: () => number,
): Promise<FreedMotion> {
  const freed = await dropMotionNotKept(store, retention, wallNow);
  await store.setMeta(RETENTION_KEY, retention);
  return freed;
}

/** Removes the raw motion the stored setting no longer keeps; returns what that freed. */
export async function applyRetention(store: SessionStore, wallNow: () => number): Promise<FreedMotion> {
  return dropMotionNotKept(store, await retentionOf(store), wallNow);
}

async function dropMotionNotKept(
  store: SessionStore,
  retention: MotionRetention,
  wallNow: () => number,
): Promise<FreedMotion> {
  if (retention.keep === 'all') return { sessions: 0, bytes: 0 };
  const dropped = motionToDrop(await store.motionUsage(), retention, wallNow());
  for (const session of dropped) await store.dropMotion(session.id);
  return sizeOf(dropped);
}

/** What was removed, in the words of a notice; null where nothing was. */
export function motionRemovedWords(freed: FreedMotion): string | null {
  return freed.sessions
    ? `Removed the raw motion of ${freed.sessions} session${freed.sessions === 1 ? '' : 's'}: ${formatBytes(freed.bytes)} freed. Their sets, holds, heart rate and summaries stay.`
    : null;
}

function sizeOf(dropped: readonly MotionUsage[]): FreedMotion {
  return { sessions: dropped.length, bytes: dropped.reduce((n, u) => n + u.bytes, 0) };
}
