// UTC bucket starts, as the server's series use them (hours, or days for 30d).
import type { SeriesBucket } from '@gpu/shared';

const sizeMs: Record<SeriesBucket, number> = { hour: 3_600_000, day: 86_400_000 };

export function bucketStartIso(atMs: number, bucket: SeriesBucket): string {
  return new Date(Math.floor(atMs / sizeMs[bucket]) * sizeMs[bucket]).toISOString();
}
