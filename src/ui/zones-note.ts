import { maxHeartRate } from '../workout/heart.ts';

/** The maximum the heart-rate zones use and where it comes from, or what to give for there to be zones. */
export function zonesNote(person: { readonly age: number | null; readonly maxHr: number | null }): string {
  const max = maxHeartRate(person);
  if (max === null) return 'Give your age or maximum to see heart-rate zones.';
  const source = person.maxHr !== null ? 'as you set it' : `220 minus age ${person.age}`;
  return `Zones use a maximum of ${max} bpm (${source}).`;
}
