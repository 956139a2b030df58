// Chooses the embedder from EMBEDDINGS and EMBEDDINGS_MODEL:
//   hashing  the deterministic hashing embedder (lexical, always available);
//   minilm   the EMBEDDINGS_MODEL sentence model from MODEL_DIR (or the model hub, outside
//            tests), or a clear start-up error naming what is missing;
//   auto     the sentence model when its files are in MODEL_DIR, else hashing (logged). Never
//            touches the network, so start-up stays fast and deterministic.
import type { Config } from '../../../config.js';
import type { Logger } from '../../../platform/logger.js';
import type { Embedder } from './embedder.js';
import { HashingEmbedder } from './hashing-embedder.js';
import { MiniLmEmbedder } from './minilm-embedder.js';
import { locateModel, SENTENCE_MODELS } from './sentence-models.js';

export class EmbedderUnavailableError extends Error {
  override name = 'EmbedderUnavailableError';
}

type EmbedderConfig = Pick<Config, 'EMBEDDINGS' | 'EMBEDDINGS_MODEL' | 'MODEL_DIR'> & Partial<Pick<Config, 'NODE_ENV'>>;

const fetchHint = (dir: string, name: string) =>
  `run "node scripts/fetch-model.mjs ${dir} ${name}" where the model hub is reachable, or set EMBEDDINGS=auto or EMBEDDINGS=hashing`;

function hashing(logger: Logger, requested: string, reason?: string): Embedder {
  const embedder = new HashingEmbedder();
  logger.info({ model: embedder.model, requested, ...(reason ? { reason } : {}) }, 'embedder ready');
  return embedder;
}

function ready(logger: Logger, embedder: MiniLmEmbedder, requested: string): Embedder {
  logger.info({ model: embedder.model, requested, loadMs: embedder.loadMs }, 'embedder ready');
  return embedder;
}

export async function createEmbedder(config: EmbedderConfig, logger: Logger): Promise<Embedder> {
  if (config.EMBEDDINGS === 'hashing') return hashing(logger, 'hashing');
  const name = config.EMBEDDINGS_MODEL;
  const { repo } = SENTENCE_MODELS[name];
  const where = locateModel(config.MODEL_DIR, name);

  if (config.EMBEDDINGS === 'auto') {
    if (!where.found) {
      logger.info(
        { modelDir: where.modelDir, model: repo, missing: where.missing },
        `${repo} not found in MODEL_DIR; using the hashing embedder (lexical search only)`,
      );
      return hashing(logger, 'auto', 'model files missing');
    }
    try {
      return ready(
        logger,
        await MiniLmEmbedder.load({ modelDir: where.modelDir, name, dtype: where.dtype, allowRemote: false }),
        'auto',
      );
    } catch (err) {
      logger.warn(
        { modelDir: where.modelDir, model: repo, err: (err as Error).message.slice(0, 300) },
        `${repo} failed to load; using the hashing embedder (lexical search only)`,
      );
      return hashing(logger, 'auto', 'model failed to load');
    }
  }

  // EMBEDDINGS=minilm: the model or nothing. The hub is tried only outside tests.
  const allowRemote = config.NODE_ENV !== 'test';
  if (!where.found && !allowRemote) {
    throw new EmbedderUnavailableError(
      `EMBEDDINGS=minilm but the ${repo} files are not in MODEL_DIR (${where.modelDir}); missing ${where.missing.join(', ')}. To fix: ${fetchHint(where.modelDir, name)}.`,
    );
  }
  try {
    const embedder = await MiniLmEmbedder.load({
      modelDir: where.modelDir,
      name,
      dtype: where.found ? where.dtype : 'fp32',
      allowRemote: !where.found && allowRemote,
    });
    return ready(logger, embedder, 'minilm');
  } catch (err) {
    const source = where.found ? `MODEL_DIR (${where.modelDir})` : `MODEL_DIR (${where.modelDir}) or the model hub`;
    throw new EmbedderUnavailableError(
      `EMBEDDINGS=minilm but ${repo} could not be loaded from ${source}: ${(err as Error).message.slice(0, 300)}. To fix: ${fetchHint(where.modelDir, name)}.`,
    );
  }
}
