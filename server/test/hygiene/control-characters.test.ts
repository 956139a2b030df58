// Text hygiene at the edge: a NUL byte (or another control character) in any text input —
// REST bodies and query strings, the assistant's ask-ai, registration, admin product writes,
// socket payloads — is refused with 400 `bad_request` naming the field (socket: ack error
// `bad_request`), never a 500, and nothing is stored. Tab and newline stay allowed in text.
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { api } from '../support/http.js';
import { createUser, type TestUser } from '../support/users.js';
import { closeAllClients, connectShopper, emitWithAck } from '../realtime/helpers/sockets.js';

let app: TestApp;
let admin: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  admin = await createUser(app, 'admin');
});
afterAll(async () => {
  closeAllClients();
  await app?.close();
});

const fromIp = () => ({ 'x-forwarded-for': `198.18.${randomInt(256)}.${randomInt(1, 255)}` });

function expectRefused(res: { status: number; headers: Headers; body: unknown }, field: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body).toMatchObject({ status: 400, code: 'bad_request' });
  expect((res.body as { errors?: { path: string }[] }).errors?.map((e) => e.path)).toContain(field);
}

describe('REST', () => {
  it.each([
    ['NUL', '%00'],
    ['BEL', '%07'],
    ['ESC', '%1B'],
    ['DEL', '%7F'],
    ['C1 NEL', '%C2%85'],
  ])('GET /api/gpus?q= with %s is a 400 naming q', async (_label, encoded) => {
    expectRefused(await api(app.url, `/api/gpus?q=rtx${encoded}4060`), 'q');
  });

  it('POST /api/v1/ask-ai with a NUL in the message is a 400 naming message', async () => {
    const res = await api(app.url, '/api/v1/ask-ai', {
      body: { message: 'best card\u0000 for 4k' },
      headers: fromIp(),
    });
    expectRefused(res, 'message');
  });

  it('register with a NUL in the name is a 400 naming name, and no account exists', async () => {
    const email = `nul-${randomInt(1e9)}@example.com`;
    const res = await api(app.url, '/api/auth/register', {
      body: { email, password: 'violet-tractor-orbit-42', name: 'Ana\u0000' },
      headers: fromIp(),
    });
    expectRefused(res, 'name');
    const rows = await app.platform.db.orm.em.fork().execute(`select 1 from users where email = ?`, [email]);
    expect(rows).toHaveLength(0);
  });

  it('admin product create and update with control characters are 400s naming the field', async () => {
    const sku = `NUL-${randomUUID().slice(0, 8)}`;
    const created = await api(app.url, '/api/gpus', {
      token: admin.token,
      body: { sku, name: 'Card\u0000 X', brand: 'AMD', vramGb: 8, price: 100, stock: 1 },
    });
    expectRefused(created, 'name');
    const ok = await api(app.url, '/api/gpus', {
      token: admin.token,
      body: { sku, name: 'Card X', brand: 'AMD', vramGb: 8, price: 100, stock: 1 },
    });
    expect(ok.status).toBe(201);
    const patched = await api(app.url, `/api/gpus/${ok.body.id}`, {
      method: 'PATCH',
      token: admin.token,
      body: { specs: { chip: 'Navi\u001b[31m 48' } },
    });
    expectRefused(patched, 'specs.chip');
    expect((await api(app.url, `/api/gpus/${ok.body.id}`)).body.specs).toEqual({});
  });

  it('keeps tab and newline in text that allows them', async () => {
    const res = await api(app.url, '/api/gpus', {
      token: admin.token,
      body: {
        sku: `TAB-${randomUUID().slice(0, 8)}`,
        name: 'Card Y',
        brand: 'AMD',
        vramGb: 8,
        price: 100,
        stock: 1,
        description: 'Line one\n\tLine two',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.description).toBe('Line one\n\tLine two');
  });
});

describe('sockets', () => {
  it('chat:send with a NUL in the message is acked bad_request, not internal', async () => {
    const socket = await connectShopper(app.url, { guestId: randomUUID() });
    const ack = await emitWithAck<{ ok: false; error: { code: string; message: string } }>(socket, 'chat:send', {
      message: 'hello\u0000there',
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(ack.error.message).toContain('message');
    socket.close();
  });
});
