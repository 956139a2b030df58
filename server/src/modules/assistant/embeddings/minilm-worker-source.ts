// The MiniLM worker thread's code. Kept as a source string run with `eval: true` so the
// same worker starts under tsx, vitest and the compiled server alike (no separate build
// output to locate). It loads transformers.js from the URL the parent resolved, builds the
// feature-extraction pipeline (mean pooling, L2-normalised), then answers embed requests.
export const MINILM_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  let extractor;
  try {
    const t = await import(workerData.transformersUrl);
    t.env.localModelPath = workerData.modelDir;
    t.env.cacheDir = workerData.modelDir;
    t.env.allowLocalModels = true;
    t.env.allowRemoteModels = workerData.allowRemote;
    extractor = await t.pipeline('feature-extraction', workerData.model, { dtype: workerData.dtype });
  } catch (err) {
    parentPort.postMessage({ type: 'load-error', message: String((err && err.message) || err) });
    return;
  }
  parentPort.postMessage({ type: 'ready' });
  parentPort.on('message', async (msg) => {
    try {
      const out = await extractor(msg.texts, { pooling: 'mean', normalize: true });
      const data = Float32Array.from(out.data);
      parentPort.postMessage({ type: 'result', id: msg.id, data }, [data.buffer]);
    } catch (err) {
      parentPort.postMessage({ type: 'error', id: msg.id, message: String((err && err.message) || err) });
    }
  });
})();
`;
