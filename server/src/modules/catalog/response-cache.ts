// The in-process tier in front of the shared cache: catalog responses as the bytes that go on
// the wire, with their ETag, so a hit costs no Redis round trip, no JSON.parse and no
// JSON.stringify. It is only trusted while the event bus delivers: every catalog write and
// stock change empties it (here, and on every other instance through the bus); when the bus
// is down, or was down and may have missed events (a new delivery epoch), it is bypassed or
// emptied. A fill that started before an invalidation is thrown away (generation check), so a
// read that raced a write never parks the old stock here.
import { createHash } from 'node:crypto';
import type { SerializedBody } from '../../http/cached-response.js';

export function serialize(body: Buffer): SerializedBody {
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

export class ResponseCache {
  private readonly entries = new Map<string, { value: SerializedBody; expires: number }>();
  private generationValue = 0;
  private epochValue: number | null = null;

  constructor(
    /** The bus's delivery epoch (null: not delivering). */
    private readonly deliveryEpoch: () => number | null,
    private readonly ttlMs: number,
    private readonly maxEntries = 1_000,
  ) {}

  /** Taken before a fill; `set` ignores the fill when an invalidation came in between. */
  get generation(): number {
    return this.generationValue;
  }

  private usable(): boolean {
    const epoch = this.deliveryEpoch();
    if (epoch === null) {
      if (this.entries.size) this.clear();
      return false;
    }
    if (epoch !== this.epochValue) {
      this.clear();
      this.epochValue = epoch;
    }
    return true;
  }

  get(key: string): SerializedBody | undefined {
    if (!this.usable()) return undefined;
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires < Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: SerializedBody, generation: number): void {
    if (generation !== this.generationValue || !this.usable()) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, expires: Date.now() + this.ttlMs });
  }

  clear(): void {
    this.generationValue++;
    this.entries.clear();
  }
}
