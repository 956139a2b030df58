// Hardening probe: the findings of issue 14, asked from outside through the contract alone,
// against any running server (`npm start`), so the same probe measures old and new code.
// Every loop is bounded by time or count; the probe only prints what it saw.
//
//   npx tsx scripts/probe/hardening.ts [--url http://127.0.0.1:3000] [--seconds 20]
//        [--admin-email a@b --admin-password ...]
//
// It needs a server that does not exempt loopback from its limits (no RATE_LIMIT_ALLOWLIST)
// and, for the lockout check, a second loopback address (127.0.0.2 reaches lo on Linux).
import { request } from 'node:http';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    seconds: { type: 'string', default: '20' },
    'admin-email': { type: 'string' },
    'admin-password': { type: 'string' },
  },
});
const BASE = args.url.replace(/\/$/, '');
// Each finding is asked from its own loopback address, so one finding's limits do not
// colour the next (every 127.0.0.0/8 address reaches lo on Linux).
const FROM = {
  nul: '127.0.0.11',
  lockA: '127.0.0.12',
  lockB: '127.0.0.13',
  refresh: '127.0.0.14',
  edges: '127.0.0.15',
  sockets: '127.0.0.16',
  rest: '127.0.0.17',
  socketFlood: '127.0.0.18',
};
const SECONDS = Number(args.seconds);

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request from a chosen local address (fetch cannot pick its source address). */
function call(
  method: string,
  path: string,
  opts: { body?: unknown; headers?: Record<string, string>; from?: string } = {},
): Promise<Reply> {
  const url = new URL(path, BASE);
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        method,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        localAddress: opts.from,
        headers: {
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...opts.headers,
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout ${method} ${path}`)));
    if (payload) req.write(payload);
    req.end();
  });
}

const rows: [string, string][] = [];
function report(finding: string, seen: string): void {
  rows.push([finding, seen]);
  console.log(`- ${finding}: ${seen}`);
}

function tally(statuses: number[]): string {
  const counts = new Map<number, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([s, n]) => `${n}x${s}`)
    .join(' ');
}

async function forSeconds(seconds: number, parallel: number, once: () => Promise<void>): Promise<void> {
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (Date.now() < until) await once();
    }),
  );
}

/** A new self-chosen guest id on every ask-ai request. */
async function restGuestFlood(): Promise<void> {
  let answers = 0;
  let chars = 0;
  const statuses: number[] = [];
  await forSeconds(SECONDS, 4, async () => {
    const r = await call('POST', '/api/v1/ask-ai', {
      body: { message: 'GPU para 1080p bajo $300' },
      headers: { 'x-guest-id': randomUUID() },
      from: FROM.rest,
    });
    statuses.push(r.status);
    if (r.status === 200) {
      answers++;
      chars += ((JSON.parse(r.body) as { answer?: string }).answer ?? '').length;
    }
  });
  report(
    `ask-ai, new X-Guest-Id per request, ${SECONDS} s`,
    `${answers} answers (${chars} characters of answer text); statuses ${tally(statuses)}`,
  );
}

function connect(auth: Record<string, string>, from: string, origin?: string): Promise<Socket | string> {
  return new Promise((resolve) => {
    // engine.io-client hands localAddress to ws in Node, though its types do not list it.
    const options: Partial<ManagerOptions & SocketOptions> & { localAddress: string } = {
      auth,
      transports: ['websocket'],
      reconnection: false,
      timeout: 10_000,
      localAddress: from,
      extraHeaders: origin ? { origin } : {},
    };
    const s = io(BASE, options);
    s.once('connect', () => resolve(s));
    s.once('connect_error', (e) => {
      s.close();
      resolve(e.message);
    });
  });
}

/** A new guest id per socket, one question each, until the time is up. */
async function socketGuestFlood(): Promise<void> {
  let answers = 0;
  const refusals = new Map<string, number>();
  const refuse = (why: string) => refusals.set(why, (refusals.get(why) ?? 0) + 1);
  await forSeconds(SECONDS, 4, async () => {
    const s = await connect({ guestId: randomUUID() }, FROM.socketFlood);
    if (typeof s === 'string') {
      refuse(`connect:${s}`);
      await new Promise((r) => setTimeout(r, 100));
      return;
    }
    const done = new Promise<string>((resolve) => {
      s.on('chat:done', (d: { finishReason: string }) => resolve(d.finishReason));
      setTimeout(() => resolve('timeout'), 20_000);
    });
    const ack = (await s.timeout(10_000).emitWithAck('chat:send', { message: 'GPU para 1440p bajo $500' })) as {
      ok: boolean;
      error?: { code: string };
    };
    if (ack.ok && (await done) === 'stop') answers++;
    else if (!ack.ok) refuse(ack.error?.code ?? 'error');
    s.close();
  });
  report(
    `socket, new guestId per socket, ${SECONDS} s`,
    `${answers} answers; refused ${[...refusals].map(([k, n]) => `${n}x${k}`).join(' ') || 'none'}`,
  );
}

async function guestSocketsAtOnce(): Promise<Socket[]> {
  const results = await Promise.all(
    Array.from({ length: 300 }, () => connect({ guestId: randomUUID() }, FROM.sockets)),
  );
  const open = results.filter((r): r is Socket => typeof r !== 'string');
  report('300 guest sockets from one address', `${open.length} accepted, ${300 - open.length} refused`);
  return open;
}

async function watchFlood(sockets: Socket[]): Promise<void> {
  const list = (await (await fetch(`${BASE}/api/gpus?pageSize=5`)).json()) as { items: { id: string }[] };
  const ids = list.items.map((g) => g.id);
  const use = sockets.slice(0, 25);
  if (use.length < 25) {
    const more = await Promise.all(
      Array.from({ length: 25 - use.length }, () => connect({ guestId: randomUUID() }, FROM.sockets)),
    );
    use.push(...more.filter((r): r is Socket => typeof r !== 'string'));
  }
  let ok = 0;
  let refused = 0;
  await Promise.all(
    Array.from({ length: 500 }, async (_, i) => {
      const s = use[i % use.length]!;
      try {
        const ack = (await s.timeout(10_000).emitWithAck('stock:watch', { gpuIds: ids })) as { ok: boolean };
        if (ack.ok) ok++;
        else refused++;
      } catch {
        refused++;
      }
    }),
  );
  report(`500 stock:watch over ${use.length} guest sockets`, `${ok} accepted, ${refused} refused or unanswered`);
  for (const s of use) s.close();
}

async function register(): Promise<{ email: string; password: string; refreshToken: string; accessToken: string }> {
  const email = `probe-${randomUUID().slice(0, 8)}@example.com`;
  const password = 'Probe-pass-9731!';
  const r = await call('POST', '/api/auth/register', {
    body: { email, password, name: 'Probe' },
    from: FROM.refresh,
  });
  if (r.status !== 201) throw new Error(`register: ${r.status} ${r.body}`);
  const body = JSON.parse(r.body) as { refreshToken: string; accessToken: string };
  return { email, password, ...body };
}

async function nulBytes(admin: string | null): Promise<void> {
  const checks: [string, () => Promise<number | string>][] = [
    ['GET /api/gpus?q=%00', async () => (await call('GET', '/api/gpus?q=%00', { from: FROM.nul })).status],
    [
      'ask-ai message',
      async () =>
        (
          await call('POST', '/api/v1/ask-ai', {
            body: { message: 'hola\u0000' },
            headers: { 'x-guest-id': randomUUID() },
            from: FROM.nul,
          })
        ).status,
    ],
    [
      'register name',
      async () =>
        (
          await call('POST', '/api/auth/register', {
            body: {
              email: `nul-${randomUUID().slice(0, 8)}@example.com`,
              password: 'Probe-pass-9731!',
              name: 'a\u0000b',
            },
            from: FROM.nul,
          })
        ).status,
    ],
    [
      'socket chat:send',
      async () => {
        const s = await connect({ guestId: randomUUID() }, FROM.nul);
        if (typeof s === 'string') return `connect ${s}`;
        const ack = (await s.timeout(10_000).emitWithAck('chat:send', { message: 'hola\u0000' })) as {
          ok: boolean;
          error?: { code: string };
        };
        s.close();
        return ack.ok ? 'ok' : `ack ${ack.error?.code}`;
      },
    ],
  ];
  if (admin) {
    checks.push([
      'admin product name',
      async () =>
        (
          await call('POST', '/api/gpus', {
            headers: { authorization: `Bearer ${admin}` },
            from: FROM.nul,
            body: {
              sku: `PROBE-${randomUUID().slice(0, 8)}`,
              name: 'Probe\u0000',
              brand: 'NVIDIA',
              price: 299.99,
              stock: 1,
              vramGb: 8,
            },
          })
        ).status,
    ]);
  }
  const seen: string[] = [];
  for (const [name, run] of checks) seen.push(`${name} ${await run()}`);
  report('NUL byte', seen.join('; '));
}

async function lockout(): Promise<void> {
  const user = await register();
  const wrong: number[] = [];
  for (let i = 0; i < 5; i++) {
    wrong.push(
      (
        await call('POST', '/api/auth/login', {
          body: { email: user.email, password: 'Wrong-pass-1234!' },
          from: '127.0.0.1',
        })
      ).status,
    );
  }
  const right = await call('POST', '/api/auth/login', {
    body: { email: user.email, password: user.password },
    from: FROM.lockB,
  });
  report(
    '5 wrong passwords from one address, then the right one from another',
    `wrong: ${tally(wrong)}; right: ${right.status}${right.headers['retry-after'] ? ` (Retry-After ${String(right.headers['retry-after'])})` : ''}`,
  );
}

async function twoTabsRefresh(): Promise<void> {
  const user = await register();
  const both = await Promise.all([
    call('POST', '/api/auth/refresh', { body: { refreshToken: user.refreshToken } }),
    call('POST', '/api/auth/refresh', { body: { refreshToken: user.refreshToken } }),
  ]);
  const next = JSON.parse(both.find((r) => r.status === 200)?.body ?? '{}') as { refreshToken?: string };
  const after = next.refreshToken
    ? (await call('POST', '/api/auth/refresh', { body: { refreshToken: next.refreshToken } })).status
    : 'none';
  report(
    'two tabs refresh with one token at once',
    `[${both.map((r) => r.status).join(', ')}], then the successor: ${after}`,
  );
}

async function edges(): Promise<void> {
  const metrics = await call('GET', '/metrics', { from: FROM.edges });
  const health = await call('GET', '/healthz', { from: FROM.edges });
  const foreign = await call('GET', '/api/gpus?pageSize=1', {
    headers: { origin: 'http://evil.example' },
    from: FROM.edges,
  });
  const cors = await call('GET', '/api/gpus?pageSize=1', {
    from: FROM.edges,
    headers: { host: 'evil.example', origin: 'http://evil.example' },
  });
  const url = new URL(BASE);
  const wrongScheme = `${url.protocol === 'http:' ? 'https:' : 'http:'}//${url.host}`;
  const s = await connect({ guestId: randomUUID() }, FROM.edges, wrongScheme);
  const handshake = typeof s === 'string' ? `refused (${s})` : 'accepted';
  if (typeof s !== 'string') s.close();
  report(
    'edges',
    `/metrics without token ${metrics.status}; HSTS on plain HTTP ${health.headers['strict-transport-security'] ? 'sent' : 'absent'}; ` +
      `foreign Origin -> Access-Control-Allow-Origin ${String(foreign.headers['access-control-allow-origin'] ?? 'absent')}; ` +
      `spoofed Host+Origin (same origin by Host when ALLOWED_ORIGINS is unset) -> ${String(cors.headers['access-control-allow-origin'] ?? 'absent')}; ` +
      `handshake Origin ${wrongScheme} ${handshake}`,
  );
}

async function adminToken(): Promise<string | null> {
  if (!args['admin-email'] || !args['admin-password']) return null;
  const r = await call('POST', '/api/auth/login', {
    body: { email: args['admin-email'], password: args['admin-password'] },
  });
  return r.status === 200 ? (JSON.parse(r.body) as { accessToken: string }).accessToken : null;
}

async function main(): Promise<void> {
  console.log(`hardening probe against ${BASE} (${new Date().toISOString()})`);
  const admin = await adminToken();
  await restGuestFlood();
  await socketGuestFlood();
  const open = await guestSocketsAtOnce();
  await watchFlood(open);
  for (const s of open) s.close();
  await nulBytes(admin);
  await lockout();
  await twoTabsRefresh();
  await edges();
  console.log('\n| finding | seen |\n|---|---|');
  for (const [f, s] of rows) console.log(`| ${f} | ${s} |`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
