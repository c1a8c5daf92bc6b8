/**
 * Typed arrays carved from one buffer. Every new ArrayBuffer counts as external memory for the
 * garbage collector, and each 64 MB of it starts a full collection of the whole heap: with millions
 * of prepared records on the heap that is seconds each. One buffer for all of a run's key arrays
 * costs one collection. Past its end it falls back to separate arrays.
 */
export class TypedArena {
  private readonly buffer: ArrayBuffer;
  private offset = 0;

  constructor(bytes: number) {
    this.buffer = new ArrayBuffer(Math.ceil(bytes / 8) * 8);
  }

  private take(bytes: number): number {
    const at = Math.ceil(this.offset / 8) * 8;
    if (at + bytes > this.buffer.byteLength) return -1;
    this.offset = at + bytes;
    return at;
  }

  float64(length: number): Float64Array {
    const at = this.take(length * 8);
    return at < 0 ? new Float64Array(length) : new Float64Array(this.buffer, at, length);
  }

  int32(length: number): Int32Array {
    const at = this.take(length * 4);
    return at < 0 ? new Int32Array(length) : new Int32Array(this.buffer, at, length);
  }

  uint8(length: number): Uint8Array {
    const at = this.take(length);
    return at < 0 ? new Uint8Array(length) : new Uint8Array(this.buffer, at, length);
  }
}
