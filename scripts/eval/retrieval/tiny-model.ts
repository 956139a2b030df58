// The generated model the evaluation runs the production embedder on: the suite's tiny
// BERT-shaped ONNX model (server/test/support/tiny-bert-model.ts), given a vocabulary for this
// shop. Each concept of a small bilingual glossary (written from the domain, not from the
// queries) shares one embedding row across its Spanish and English words; the most frequent
// other words of the catalog's own text get a row each; everything else is [UNK] and adds
// nothing. The result is a cross-lingual bag of concepts: it stands in for a multilingual
// sentence model to exercise the real path (worker, tokenizer, pooling, 128-piece truncation,
// pgvector), and tells us what a model that knows the glossary would gain. It is not a
// measurement of paraphrase-multilingual-MiniLM-L12-v2.
import { loadCatalog } from '../../../server/src/db/seed/catalog-files.js';
import { TINY_DIM, writeTinyBertModel, type TinyBertSpec } from '../../../server/test/support/tiny-bert-model.js';

/** Concepts, each in both languages (accents dropped: the tokenizer strips them). */
export const GLOSSARY: string[][] = [
  ['card', 'tarjeta', 'gpu', 'grafica', 'graphics'],
  ['gaming', 'game', 'games', 'gamer', 'jugar', 'juegos', 'juego', 'jugando', 'play'],
  ['4k', '2160p', 'uhd'],
  ['1440p', 'qhd', '2k'],
  ['1080p', 'fhd'],
  ['competitive', 'competitivo', 'esports', 'shooters'],
  ['fps', 'frames', 'refresh', 'hz'],
  [
    'cheap',
    'budget',
    'affordable',
    'inexpensive',
    'barata',
    'barato',
    'economica',
    'economico',
    'asequible',
    'presupuesto',
  ],
  ['entry', 'basic', 'basica', 'entrada', 'office', 'oficina', 'light', 'ligeros', 'ligero'],
  ['mid', 'media', 'medio', 'mainstream'],
  ['high', 'alta', 'alto', 'enthusiast', 'entusiasta'],
  ['powerful', 'potente', 'fastest', 'rapida', 'rapido', 'flagship', 'strongest', 'tope'],
  ['efficient', 'eficiente', 'efficiency', 'eficiencia'],
  ['power', 'consumo', 'consumption', 'watts', 'vatios', 'draw'],
  ['low', 'bajo', 'baja', 'poco', 'little'],
  ['supply', 'psu', 'fuente'],
  ['quiet', 'silent', 'silenciosa', 'silencioso', 'noise', 'ruido'],
  ['small', 'compact', 'short', 'pequena', 'pequeno', 'compacta', 'compacto', 'corta', 'corto', 'itx', 'sff', 'mini'],
  ['case', 'gabinete', 'caja', 'chassis'],
  ['streaming', 'stream', 'transmitir', 'twitch', 'streamer', 'obs', 'directo'],
  ['record', 'grabar', 'capture', 'recording', 'grabacion', 'gameplay', 'partidas'],
  ['encoder', 'encoding', 'codificador', 'nvenc', 'av1'],
  ['video', 'videos'],
  ['editing', 'edit', 'edicion', 'editar', 'premiere', 'davinci', 'resolve'],
  ['render', 'rendering', 'renderizar', 'blender', '3d'],
  ['photo', 'foto', 'fotos', 'photos', 'photoshop'],
  ['ml', 'ai', 'ia', 'inteligencia', 'artificial', 'learning', 'aprendizaje', 'neural', 'neuronales', 'training'],
  ['entrenar', 'entrenamiento', 'train', 'cuda', 'pytorch', 'tensorflow', 'tensor'],
  ['diffusion', 'llm', 'llms', 'inference', 'inferencia', 'lenguaje', 'language'],
  ['professional', 'profesional', 'workstation', 'cad', 'certified', 'certificados', 'drivers', 'controladores'],
  ['ray', 'tracing', 'trazado', 'rayos'],
  ['memory', 'memoria', 'vram'],
  ['nvidia', 'geforce', 'rtx'],
  ['amd', 'radeon'],
  ['intel', 'arc'],
  ['stock', 'disponible', 'available', 'disponibilidad'],
];

/** BERT's basic tokenization, roughly: lowercase, accents off, punctuation apart. */
const words = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** The glossary, then the catalog's most frequent other words, one row each, up to the model's width. */
export function shopModelSpec(): TinyBertSpec {
  const known = new Set(GLOSSARY.flat());
  const counts = new Map<string, number>();
  for (const e of loadCatalog()) {
    const text = [e.name, e.brand, e.descriptions.es, e.descriptions.en, e.specs.series, e.specs.architecture].join(
      ' ',
    );
    for (const w of words(text)) if (!known.has(w) && w.length > 1) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const room = TINY_DIM - 2 - GLOSSARY.length;
  const frequent = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, room)
    .map(([w]) => [w]);
  return { synonyms: [...GLOSSARY, ...frequent], suffixes: ['##s', '##es', '##ed', '##ing', '##mente'] };
}

export async function writeShopModel(modelDir: string): Promise<void> {
  await writeTinyBertModel(modelDir, 'paraphrase-multilingual-MiniLM-L12-v2', shopModelSpec());
}
