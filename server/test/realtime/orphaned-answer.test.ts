// An instance killed mid-answer: the answer's lease expires, the orphan sweeper on the
// surviving instance finishes it as "error", a shopper resuming on the survivor gets
// `chat:done` ("error") within seconds instead of waiting out the stream deadline (over two
// minutes before), and the shopper's generation lock is released so they can ask again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEASE_TTL_MS } from '../../src/modules/assistant/streaming/answer-leases.js';
import { SWEEP_EVERY_MS } from '../../src/modules/assistant/streaming/orphan-sweeper.js';
import { connectChat, ok, recordChat, resumeChat, sendChat } from '../assistant/chat-client.js';
import { startFakeGroq, type FakeGroq } from '../assistant/fake-groq.js';
import { redisBackends, startCluster, type Cluster } from './helpers/cluster.js';
import { closeAllClients } from './helpers/sockets.js';

let fake: FakeGroq;
let cluster: Cluster;

for (const backend of redisBackends) {
  describe.skipIf(!backend.available)(`an instance killed mid-answer (${backend.name})`, () => {
    beforeAll(async () => {
      // Slow enough that the answer is still streaming when its instance dies (about 60 s long).
      fake = await startFakeGroq({
        kind: 'stream',
        chunks: Array.from({ length: 600 }, (_, i) => `w${i} `),
        delayMs: 100,
      });
      cluster = await startCluster({
        size: 2,
        redisCluster: backend.redisCluster,
        env: { GROQ_API_KEY: 'test-key', LLM_BASE_URL: fake.url },
      });
    });
    afterAll(async () => {
      closeAllClients();
      await cluster?.close();
      await fake?.close();
    });

    it('is finished as error, a resuming client gets chat:done within seconds, and the shopper can ask again', async () => {
      const [doomed, survivor] = cluster.instances as [(typeof cluster.instances)[0], (typeof cluster.instances)[0]];
      const user = await cluster.createUser();
      const first = await connectChat(doomed.url, { token: user.token });
      const seen = recordChat(first);
      const { messageId } = ok(await sendChat(first, { message: 'best card for 4k gaming' }));
      await seen.until(() => seen.tokens(messageId).length >= 3);
      const lastSeq = seen.tokens(messageId).at(-1)!.seq;

      doomed.child.kill('SIGKILL');
      await doomed.exited;
      const killedAt = Date.now();

      const second = await connectChat(survivor.url, { token: user.token });
      const resumed = recordChat(second);
      ok(await resumeChat(second, messageId, lastSeq));
      // Bounded well below the old stream deadline (max generation 120 s + 15 s), so this fails there.
      const done = await resumed.done(messageId, 45_000);
      const waitedMs = Date.now() - killedAt;
      console.log(
        `orphaned answer: chat:done "${done.finishReason}" on the survivor ${waitedMs} ms after the kill ` +
          `(lease ${LEASE_TTL_MS} ms, sweep every ${SWEEP_EVERY_MS} ms)`,
      );
      expect(done).toMatchObject({ messageId, finishReason: 'error' });
      const [row] = await cluster.exec<{ finish_reason: string | null }>(
        `select finish_reason from messages where id = ?`,
        [messageId],
      );
      expect(row?.finish_reason).toBe('error');

      // The lock the dead instance held is gone: the shopper can ask again right away.
      fake.setDefault({ kind: 'stream', chunks: ['Still', ' here.'] });
      const again = await sendChat(second, { message: 'and a cheaper one?' });
      expect(again).toMatchObject({ ok: true });
      const next = await resumed.done((again as { messageId: string }).messageId, 30_000);
      expect(next.finishReason).toBe('stop');
    });
  });
}
