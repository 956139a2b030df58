// The embedder's worker thread: loads the tokenizer and the ONNX model with transformers.js,
// then answers embed requests one at a time (mean pooling over the attention mask, L2
// normalization). Started by minilm-embedder.ts from this file's path: minilm-worker.ts
// from the sources (tsx, vitest), minilm-worker.js in the built server.
// Only this thread imports transformers.js: onnxruntime-node's binding loads once per process.
import { parentPort, workerData } from 'node:worker_threads';
import {
  AutoModel,
  AutoTokenizer,
  env,
  mean_pooling,
  type PreTrainedModel,
  type PreTrainedTokenizer,
  type Tensor,
} from '@huggingface/transformers';
import { encodeBatch } from './encode-batch.js';
import type { EmbedRequest, WorkerReply, WorkerSetup } from './minilm-protocol.js';

if (!parentPort) throw new Error('minilm-worker.ts runs as a worker thread (see minilm-embedder.ts)');
const port = parentPort;
const setup = workerData as WorkerSetup;
const reply = (msg: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(msg, transfer);
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function load(): Promise<{ tokenizer: PreTrainedTokenizer; model: PreTrainedModel }> {
  env.localModelPath = setup.modelDir;
  env.cacheDir = setup.modelDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = setup.allowRemote;
  const tokenizer = await AutoTokenizer.from_pretrained(setup.repo);
  const model = await AutoModel.from_pretrained(setup.repo, { dtype: setup.dtype });
  return { tokenizer, model };
}

/** One forward pass: the batch's vectors, one after another. */
async function forward(tokenizer: PreTrainedTokenizer, model: PreTrainedModel, texts: string[]): Promise<Float32Array> {
  const inputs = encodeBatch(tokenizer, texts, setup.maxTokens);
  const outputs = (await model(inputs)) as { last_hidden_state?: Tensor };
  if (!outputs.last_hidden_state) throw new Error('the model has no last_hidden_state output');
  const pooled = mean_pooling(outputs.last_hidden_state, inputs.attention_mask).normalize(2, -1);
  return pooled.data as Float32Array;
}

/** All texts, in batches of similar length (less padding), answered in request order. */
async function embed(tokenizer: PreTrainedTokenizer, model: PreTrainedModel, texts: string[]): Promise<Float32Array> {
  const order = texts.map((_, i) => i).sort((a, b) => texts[b]!.length - texts[a]!.length);
  let out = new Float32Array(0);
  for (let start = 0; start < order.length; start += setup.batchSize) {
    const batch = order.slice(start, start + setup.batchSize);
    const flat = await forward(
      tokenizer,
      model,
      batch.map((i) => texts[i]!),
    );
    const dim = flat.length / batch.length;
    if (out.length === 0) out = new Float32Array(texts.length * dim);
    batch.forEach((i, j) => out.set(flat.subarray(j * dim, (j + 1) * dim), i * dim));
  }
  return out;
}

try {
  const { tokenizer, model } = await load();
  // One probe tells the dimension before any caller depends on it.
  const probe = await forward(tokenizer, model, ['probe']);
  // Requests come one at a time: the parent sends the next only after this one's reply.
  port.on('message', (req: EmbedRequest) => {
    embed(tokenizer, model, req.texts).then(
      (data) => reply({ type: 'result', id: req.id, data }, [data.buffer as ArrayBuffer]),
      (err: unknown) => reply({ type: 'error', id: req.id, message: message(err) }),
    );
  });
  reply({ type: 'ready', dim: probe.length });
} catch (err) {
  // The parent terminates this thread; onnxruntime cannot be loaded again in this process.
  reply({ type: 'load-error', message: message(err) });
}
