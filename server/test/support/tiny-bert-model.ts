// A tiny BERT-shaped sentence model, written on the fly, so the production embedder runs for
// real here (no weights can be downloaded): `onnx/model.onnx` (word + token-type embedding
// lookups added into `last_hidden_state`, inputs input_ids / attention_mask /
// token_type_ids), a WordPiece `tokenizer.json`, `tokenizer_config.json` and `config.json`
// (`model_type: "bert"`), in the model hub layout `<MODEL_DIR>/Xenova/<name>/`.
//
// The embedding table is built so that tests can tell real vectors from lexical ones:
//   axis 0        [CLS] and [SEP]: every sentence has it, so no vector is zero;
//   axis 1        [PAD]: non-zero, so pooling that ignores the attention mask shows;
//   axis 2 + g    every word of synonym group g (one shared row): words that share no
//                 letters embed identically, which a hashing embedder cannot do;
//   zero rows     [UNK], [MASK] and the suffix pieces ("##ed"): they add nothing.
// With mean pooling and L2 normalization, a text's vector is therefore
// normalize(2·e0 + Σ_groups count_g·e_(2+g)), whatever its length.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

export const TINY_DIM = 384;
const SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

export interface TinyBertSpec {
  /** Each group's words share one embedding row (one axis). */
  synonyms: string[][];
  /** Continuation pieces with a zero row, e.g. "##ed". */
  suffixes?: string[];
  /** tokenizer_config.json's model_max_length (the production code caps it lower). */
  modelMaxLength?: number;
}

export interface TinyBertModel {
  /** `<MODEL_DIR>/Xenova/<name>`. */
  dir: string;
  vocab: ReadonlyMap<string, number>;
  /** The axis a word's group embeds along. */
  axisOf(word: string): number;
  /** The axis [PAD] embeds along (non-zero only when padding leaks into pooling). */
  readonly padAxis: 1;
  /** The axis [CLS]/[SEP] embed along. */
  readonly sentenceAxis: 0;
}

/** Two stand-ins for the two production models: one knows Spanish synonyms, one does not. */
export const MULTILINGUAL_SPEC: TinyBertSpec = {
  synonyms: [
    ['hush', 'quiet', 'susurro', 'silencioso'],
    ['blaze', 'llamarada'],
  ],
  suffixes: ['##ed', '##s'],
};
export const ENGLISH_SPEC: TinyBertSpec = {
  synonyms: [['hush', 'quiet'], ['blaze']],
  suffixes: ['##ed', '##s'],
};

function buildVocab(spec: TinyBertSpec): { vocab: Map<string, number>; axis: Map<string, number> } {
  const vocab = new Map<string, number>();
  const axis = new Map<string, number>();
  for (const t of SPECIALS) vocab.set(t, vocab.size);
  spec.synonyms.forEach((group, g) => {
    for (const word of group) {
      if (vocab.has(word)) throw new Error(`"${word}" is in two synonym groups`);
      vocab.set(word, vocab.size);
      axis.set(word, 2 + g);
    }
  });
  for (const piece of spec.suffixes ?? []) vocab.set(piece, vocab.size);
  if (2 + spec.synonyms.length > TINY_DIM) throw new Error('more synonym groups than dimensions');
  return { vocab, axis };
}

function embeddingTable(vocab: Map<string, number>, axis: Map<string, number>): Float32Array {
  const table = new Float32Array(vocab.size * TINY_DIM);
  const set = (token: string, dim: number) => (table[vocab.get(token)! * TINY_DIM + dim] = 1);
  set('[CLS]', 0);
  set('[SEP]', 0);
  set('[PAD]', 1);
  for (const [word, dim] of axis) set(word, dim);
  return table;
}

const int64Input = (name: string): onnxProto.onnx.IValueInfoProto => ({
  name,
  type: {
    tensorType: {
      elemType: onnx.TensorProto.DataType.INT64,
      shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }] },
    },
  },
});

const floatTensor = (name: string, dims: number[], data: Float32Array): onnxProto.onnx.ITensorProto => ({
  name,
  dims,
  dataType: onnx.TensorProto.DataType.FLOAT,
  rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
});

/** The ONNX graph: Gather(word rows) + Gather(token-type rows) -> last_hidden_state. */
function modelBytes(table: Float32Array, vocabSize: number): Uint8Array {
  const graph: onnxProto.onnx.IGraphProto = {
    name: 'tiny-bert',
    input: [int64Input('input_ids'), int64Input('attention_mask'), int64Input('token_type_ids')],
    initializer: [
      floatTensor('word_embeddings', [vocabSize, TINY_DIM], table),
      floatTensor('token_type_embeddings', [2, TINY_DIM], new Float32Array(2 * TINY_DIM)),
    ],
    node: [
      { opType: 'Gather', input: ['word_embeddings', 'input_ids'], output: ['words'], name: 'word_lookup' },
      { opType: 'Gather', input: ['token_type_embeddings', 'token_type_ids'], output: ['types'], name: 'type_lookup' },
      { opType: 'Add', input: ['words', 'types'], output: ['last_hidden_state'], name: 'sum' },
    ],
    output: [
      {
        name: 'last_hidden_state',
        type: {
          tensorType: {
            elemType: onnx.TensorProto.DataType.FLOAT,
            shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }, { dimValue: TINY_DIM }] },
          },
        },
      },
    ],
  };
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 14 }],
    producerName: 'gpu-assistant tests',
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

function tokenizerJson(vocab: Map<string, number>) {
  const id = (t: string) => vocab.get(t)!;
  const special = (t: string) => ({
    id: id(t),
    content: t,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIALS.map(special),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [id('[CLS]')], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [id('[SEP]')], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab),
    },
  };
}

/** Writes the model under `<modelDir>/Xenova/<name>/` and describes its geometry. */
export async function writeTinyBertModel(
  modelDir: string,
  name: string,
  spec: TinyBertSpec = MULTILINGUAL_SPEC,
): Promise<TinyBertModel> {
  const dir = path.join(modelDir, 'Xenova', name);
  const { vocab, axis } = buildVocab(spec);
  await mkdir(path.join(dir, 'onnx'), { recursive: true });
  const json = (file: string, value: unknown) => writeFile(path.join(dir, file), JSON.stringify(value, null, 1));
  await json('config.json', {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: TINY_DIM,
    vocab_size: vocab.size,
    type_vocab_size: 2,
    max_position_embeddings: 512,
    pad_token_id: 0,
  });
  await json('tokenizer.json', tokenizerJson(vocab));
  await json('tokenizer_config.json', {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    strip_accents: null,
    model_max_length: spec.modelMaxLength ?? 512,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
    clean_up_tokenization_spaces: true,
  });
  await writeFile(path.join(dir, 'onnx', 'model.onnx'), modelBytes(embeddingTable(vocab, axis), vocab.size));
  return {
    dir,
    vocab,
    padAxis: 1,
    sentenceAxis: 0,
    axisOf(word) {
      const a = axis.get(word);
      if (a === undefined) throw new Error(`"${word}" is not in the tiny model's vocabulary`);
      return a;
    },
  };
}
