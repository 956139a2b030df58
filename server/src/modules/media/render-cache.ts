// A best-effort, content-addressed cache of rendered image bytes on local disk (the OS temp
// folder), shared by every process of a machine: the same input always renders the same
// bytes, so seeding a second database (another test suite, another instance, a restart)
// reuses the first render instead of rasterizing 170 pictures again. Any failure to read or
// write simply renders anew.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

let dir: string | null = path.join(tmpdir(), 'gpu-assistant-render-cache-v1');

/** Benchmarks measuring cold renders turn the disk cache off. */
export function disableRenderCache(): void {
  dir = null;
}

export async function cachedRender(
  kind: string,
  input: Buffer | string,
  render: () => Promise<Buffer>,
): Promise<Buffer> {
  if (!dir) return render();
  const key = createHash('sha256').update(kind).update('\0').update(input).digest('hex');
  const file = path.join(dir, `${key}.bin`);
  try {
    return await readFile(file);
  } catch {
    /* not cached yet */
  }
  const bytes = await render();
  try {
    await mkdir(dir, { recursive: true });
    // Written aside and renamed: a reader never sees half a file.
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await writeFile(partial, bytes);
    await rename(partial, file);
  } catch {
    /* a read-only or full temp folder only costs the next render */
  }
  return bytes;
}
