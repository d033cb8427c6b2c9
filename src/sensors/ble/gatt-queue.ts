// One GATT operation at a time. Chromium rejects a second operation while one is in flight with
// NetworkError ("GATT operation already in progress"), which the spec leaves to the page: serialise
// (PROTOCOLS.md §6, [WB-SPEC] Issue 188).

export class GattQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  /** Runs `operation` after every operation queued before it has settled, whatever its outcome. */
  run<T>(operation: () => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(operation, operation).finally(() => {
      this.pending--;
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Operations queued or running. */
  get size(): number {
    return this.pending;
  }
}
