// Chooses the embedder from EMBEDDINGS. `auto` tries MiniLM and falls back to hashing.
// (The MiniLM implementation is added with the assistant; until then auto = hashing.)
import type { Config } from '../../../config.js';
import type { Logger } from '../../../platform/logger.js';
import type { Embedder } from './embedder.js';
import { HashingEmbedder } from './hashing-embedder.js';

export async function createEmbedder(
  config: Pick<Config, 'EMBEDDINGS' | 'MODEL_DIR'>,
  logger: Logger,
): Promise<Embedder> {
  const embedder = new HashingEmbedder();
  logger.info({ model: embedder.model, requested: config.EMBEDDINGS }, 'embedder ready');
  return embedder;
}
