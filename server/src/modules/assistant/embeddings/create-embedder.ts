// Chooses the embedder from EMBEDDINGS:
//   hashing  the deterministic hashing embedder (lexical, always available);
//   minilm   all-MiniLM-L6-v2 from MODEL_DIR (or the model hub, outside tests), or a clear
//            start-up error naming what is missing;
//   auto     MiniLM when its weights are in MODEL_DIR, else hashing (logged). Never touches
//            the network, so start-up stays fast and deterministic.
import type { Config } from '../../../config.js';
import type { Logger } from '../../../platform/logger.js';
import type { Embedder } from './embedder.js';
import { HashingEmbedder } from './hashing-embedder.js';
import { MiniLmEmbedder } from './minilm-embedder.js';
import { locateMiniLm, MINILM_REPO } from './minilm-files.js';

export class EmbedderUnavailableError extends Error {
  override name = 'EmbedderUnavailableError';
}

type EmbedderConfig = Pick<Config, 'EMBEDDINGS' | 'MODEL_DIR'> & Partial<Pick<Config, 'NODE_ENV'>>;

const fetchHint = (dir: string) =>
  `run "node scripts/fetch-model.mjs ${dir}" where the model hub is reachable, or set EMBEDDINGS=auto or EMBEDDINGS=hashing`;

function hashing(logger: Logger, requested: string, reason?: string): Embedder {
  const embedder = new HashingEmbedder();
  logger.info({ model: embedder.model, requested, ...(reason ? { reason } : {}) }, 'embedder ready');
  return embedder;
}

export async function createEmbedder(config: EmbedderConfig, logger: Logger): Promise<Embedder> {
  if (config.EMBEDDINGS === 'hashing') return hashing(logger, 'hashing');
  const where = locateMiniLm(config.MODEL_DIR);

  if (config.EMBEDDINGS === 'auto') {
    if (!where.found) {
      logger.info(
        { modelDir: where.modelDir, missing: where.missing },
        'MiniLM weights not found in MODEL_DIR; using the hashing embedder (lexical search only)',
      );
      return hashing(logger, 'auto', 'minilm weights missing');
    }
    try {
      const embedder = await MiniLmEmbedder.load({ modelDir: where.modelDir, dtype: where.dtype, allowRemote: false });
      logger.info({ model: embedder.model, requested: 'auto' }, 'embedder ready');
      return embedder;
    } catch (err) {
      logger.warn(
        { modelDir: where.modelDir, err: (err as Error).message.slice(0, 300) },
        'MiniLM failed to load; using the hashing embedder (lexical search only)',
      );
      return hashing(logger, 'auto', 'minilm failed to load');
    }
  }

  // EMBEDDINGS=minilm: MiniLM or nothing. The hub is tried only outside tests.
  const allowRemote = config.NODE_ENV !== 'test';
  if (!where.found && !allowRemote) {
    throw new EmbedderUnavailableError(
      `EMBEDDINGS=minilm but the ${MINILM_REPO} weights are not in MODEL_DIR (${where.modelDir}); missing ${where.missing.join(', ')}. To fix: ${fetchHint(where.modelDir)}.`,
    );
  }
  try {
    const embedder = await MiniLmEmbedder.load({
      modelDir: where.modelDir,
      dtype: where.found ? where.dtype : 'fp32',
      allowRemote: !where.found && allowRemote,
    });
    logger.info({ model: embedder.model, requested: 'minilm' }, 'embedder ready');
    return embedder;
  } catch (err) {
    const source = where.found ? `MODEL_DIR (${where.modelDir})` : `MODEL_DIR (${where.modelDir}) or the model hub`;
    throw new EmbedderUnavailableError(
      `EMBEDDINGS=minilm but ${MINILM_REPO} could not be loaded from ${source}: ${(err as Error).message.slice(0, 300)}. To fix: ${fetchHint(where.modelDir)}.`,
    );
  }
}
