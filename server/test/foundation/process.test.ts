// The real entry point as a process: bad configuration, restarts on the same embedded
// database, and graceful shutdown with a request in flight.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from '../support/processes.js';
import { api } from '../support/http.js';

const serverRoot = fileURLToPath(new URL('../../', import.meta.url));

function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', 'src/main.ts'], {
      cwd: serverRoot,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('start-up', () => {
  it('stops with one clear line naming a bad variable', async () => {
    const { code, stderr } = await runMain({ PORT: 'not-a-port' });
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^Invalid configuration: PORT /);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses to start in production without JWT_SECRET', async () => {
    const { code, stderr } = await runMain({ NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/JWT_SECRET is required/);
  });
});

describe('embedded database persistence', () => {
  it('keeps data across a restart on the same PGLITE_DIR', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gpu-restart-'));
    try {
      const env = { PGLITE_DIR: dir, ADMIN_EMAIL: 'owner@test.local', ADMIN_PASSWORD: 'Owner-Password-1!' };
      const first = await startServerProcess(env);
      const health = await api(first.url, '/health');
      expect(health.body.checks.database.engine).toBe('pglite');
      expect(await first.stop()).toBe(0);

      const second = await startServerProcess({ ...env, SEED_ON_START: 'true' });
      // Seeding ran once: the second start found a non-empty catalog and did not reseed.
      expect(second.output()).not.toMatch(/"msg":"catalog seeded"/);
      expect(second.output()).toMatch(/"outcome":"unchanged"/);
      expect(await second.stop()).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes a request that is in flight when SIGTERM arrives, then exits 0', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gpu-shutdown-'));
    try {
      const server = await startServerProcess({ PGLITE_DIR: dir });
      // Send the headers and half a body, signal, then finish the body.
      const body = JSON.stringify({ email: 'nobody@test.local', password: 'Wrong-Password-1' });
      const socket = net.connect(server.port, '127.0.0.1');
      await new Promise<void>((r) => socket.once('connect', () => r()));
      let response = '';
      socket.on('data', (d: Buffer) => (response += d.toString()));
      const closed = new Promise<void>((r) => socket.once('close', () => r()));
      socket.write(
        `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n` +
          body.slice(0, 10),
      );
      await new Promise((r) => setTimeout(r, 300));
      server.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      // The server is draining: new connections are refused...
      await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
      // ...but the in-flight request is answered.
      socket.write(body.slice(10));
      await closed;
      expect(response).toMatch(/^HTTP\/1\.1 (400|401|404|429) /);
      expect(await server.exited).toBe(0);
      expect(server.output()).toMatch(/"msg":"shutdown complete"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
