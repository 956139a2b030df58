// The time buckets of a range, in UTC: 24 hours, 168 hours (7d) or 30 days, the last one
// being the current, still open bucket.
import { bucketOfRange, type SeriesBucket, type SeriesRange } from '@gpu/shared';

const HOUR = 3_600_000;
export const bucketMs: Record<SeriesBucket, number> = { hour: HOUR, day: 24 * HOUR };
const bucketCount: Record<SeriesRange, number> = { '24h': 24, '7d': 168, '30d': 30 };

export interface BucketWindow {
  bucket: SeriesBucket;
  /** Start of each bucket, oldest first. */
  starts: Date[];
  /** End of the window: the end of the current bucket. */
  end: Date;
}

export function startOfBucket(at: Date, bucket: SeriesBucket): Date {
  const size = bucketMs[bucket];
  return new Date(Math.floor(at.getTime() / size) * size);
}

export function bucketsOf(range: SeriesRange, now: Date): BucketWindow {
  return lastBuckets(bucketOfRange[range], bucketCount[range], now);
}

export function lastBuckets(bucket: SeriesBucket, count: number, now: Date): BucketWindow {
  const size = bucketMs[bucket];
  const current = startOfBucket(now, bucket).getTime();
  const starts = Array.from({ length: count }, (_, i) => new Date(current - (count - 1 - i) * size));
  return { bucket, starts, end: new Date(current + size) };
}
