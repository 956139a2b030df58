// Tokenizes a batch for the sentence model inside the worker thread (it imports
// transformers.js, so only minilm-worker.ts may import it). Long texts are cut to the model's
// word-piece limit keeping the closing special token ([SEP], </s>), as Hugging Face's
// tokenizers and sentence-transformers do; transformers.js 3 instead cuts after adding the
// special tokens, which drops it.
import { Tensor, type PreTrainedTokenizer } from '@huggingface/transformers';

export interface ModelInputs {
  input_ids: Tensor;
  attention_mask: Tensor;
  token_type_ids?: Tensor;
}

type Row = Record<'input_ids' | 'attention_mask' | 'token_type_ids', number[] | undefined>;

const cut = (ids: number[], max: number) => (ids.length <= max ? ids : [...ids.slice(0, max - 1), ids.at(-1)!]);

export function encodeBatch(tokenizer: PreTrainedTokenizer, texts: string[], maxTokens: number): ModelInputs {
  const rows = texts.map((text): Row => {
    const e = tokenizer._call(text, { return_tensor: false });
    return {
      input_ids: cut(e.input_ids as number[], maxTokens),
      attention_mask: cut(e.attention_mask as number[], maxTokens),
      token_type_ids: e.token_type_ids ? cut(e.token_type_ids as number[], maxTokens) : undefined,
    };
  });
  // Padded to the longest text; the attention mask keeps the pads out of the pooled mean.
  const width = Math.max(...rows.map((r) => r.input_ids!.length));
  const tensor = (key: keyof Row, pad: number) => {
    const data = new BigInt64Array(rows.length * width).fill(BigInt(pad));
    rows.forEach((r, i) => r[key]!.forEach((v, j) => (data[i * width + j] = BigInt(v))));
    return new Tensor('int64', data, [rows.length, width]);
  };
  return {
    input_ids: tensor('input_ids', tokenizer.pad_token_id ?? 0),
    attention_mask: tensor('attention_mask', 0),
    ...(rows[0]!.token_type_ids ? { token_type_ids: tensor('token_type_ids', 0) } : {}),
  };
}
