// Rotations of 3-vectors in the strap's body frame: x = the wearer's left, y = up the spine towards
// the head, z = out of the chest. An accelerometer at rest reads +1 g pointing away from the floor,
// so the "up" vector in this frame is what a still strap measures.

export type Vec3 = readonly [number, number, number];

const DEG = Math.PI / 180;

/** Rotates v about the body's left–right axis: positive turns +z towards +y (head end rises when prone). */
export function rotateAboutX(v: Vec3, deg: number): Vec3 {
  const c = Math.cos(deg * DEG);
  const s = Math.sin(deg * DEG);
  return [v[0], v[1] * c - v[2] * s, v[1] * s + v[2] * c];
}

/** Rotates v about the spine: positive turns −z towards −x (a prone or quadruped body rolls to its left). */
export function rotateAboutY(v: Vec3, deg: number): Vec3 {
  const c = Math.cos(deg * DEG);
  const s = Math.sin(deg * DEG);
  return [v[0] * c + v[2] * s, v[1], -v[0] * s + v[2] * c];
}

export function rotateAboutZ(v: Vec3, deg: number): Vec3 {
  const c = Math.cos(deg * DEG);
  const s = Math.sin(deg * DEG);
  return [v[0] * c - v[1] * s, v[0] * s + v[1] * c, v[2]];
}

export function normalize(v: Vec3): Vec3 {
  const n = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / n, v[1] / n, v[2] / n];
}

/** Spherical interpolation between two unit vectors, so a change of posture turns at an even rate. */
export function slerp(a: Vec3, b: Vec3, t: number): Vec3 {
  const dot = Math.min(1, Math.max(-1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2]));
  const angle = Math.acos(dot);
  if (angle < 1e-6) return b;
  if (Math.PI - angle < 1e-3) {
    // Opposite vectors: turn through an axis perpendicular to both.
    const mid = normalize(Math.abs(a[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0]);
    return t < 0.5 ? slerp(a, mid, t * 2) : slerp(mid, b, (t - 0.5) * 2);
  }
  const sinAngle = Math.sin(angle);
  const wa = Math.sin((1 - t) * angle) / sinAngle;
  const wb = Math.sin(t * angle) / sinAngle;
  return [a[0] * wa + b[0] * wb, a[1] * wa + b[1] * wb, a[2] * wa + b[2] * wb];
}

/** A fixed small rotation from the body frame to the sensor's own axes: how the strap sits on the chest. */
export interface Mounting {
  readonly aboutXDeg: number;
  readonly aboutYDeg: number;
  readonly aboutZDeg: number;
}

export function toSensorFrame(v: Vec3, mounting: Mounting): Vec3 {
  return rotateAboutZ(
    rotateAboutY(rotateAboutX(v, mounting.aboutXDeg), mounting.aboutYDeg),
    mounting.aboutZDeg,
  );
}
