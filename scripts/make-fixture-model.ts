// Writes the tiny embedding model the tests load through the real transformers.js path, offline:
// a BERT-shaped ONNX graph (one Gather over a fixed random table, so token vectors are stable)
// with a small WordPiece tokenizer. Run: npx tsx scripts/make-fixture-model.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
export const FIXTURE_MODEL_ID = 'dossier-test/tiny-embedder';
const HIDDEN = 32;

const WORDS = `agadez niamey niger niger usa etats unis americains americaines soldats troupes militaires retrait base drones
russie russes instructeurs accord cooperation juillet aout mai avril mars 2012 2023 2024 200 766 950 general ekman tiani
coup etat delegation washington premier ministre france francais sahel mali burkina alliance jihadistes democratie
us troops soldiers leave left withdrawal agreement russia july august may when how many who what did the of and
le la les des du de un une et en au aux pour dans sur par avec qui que est sont ont a il ils elle`.split(/\s+/);
const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
const LETTERS = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
const vocabulary = [...new Set([...SPECIAL, ...WORDS, ...LETTERS, ...LETTERS.map((l) => `##${l}`)])];

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}

function modelBytes(): Uint8Array {
  const next = random(42);
  const table = Float32Array.from({ length: vocabulary.length * HIDDEN }, next);
  const int64 = onnx.TensorProto.DataType.INT64;
  const float = onnx.TensorProto.DataType.FLOAT;
  const tokens = (name: string) => ({
    name,
    type: { tensorType: { elemType: int64, shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }] } } },
  });
  const graph = onnx.GraphProto.create({
    name: 'tiny-embedder',
    initializer: [
      onnx.TensorProto.create({
        name: 'embeddings',
        dataType: float,
        dims: [vocabulary.length, HIDDEN],
        rawData: new Uint8Array(table.buffer),
      }),
    ],
    node: [onnx.NodeProto.create({ opType: 'Gather', input: ['embeddings', 'input_ids'], output: ['last_hidden_state'], attribute: [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }] })],
    input: [tokens('input_ids'), tokens('attention_mask'), tokens('token_type_ids')],
    output: [
      {
        name: 'last_hidden_state',
        type: { tensorType: { elemType: float, shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }, { dimValue: HIDDEN }] } } },
      },
    ],
  });
  const model = onnx.ModelProto.create({ irVersion: 7, opsetImport: [{ domain: '', version: 13 }], producerName: 'dossier', graph });
  return onnx.ModelProto.encode(model).finish();
}

function tokenizer(): object {
  const ids = Object.fromEntries(vocabulary.map((token, id) => [token, id]));
  const special = (token: string) => ({ id: token, ids: [ids[token]], tokens: [token] });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map((content) => ({ id: ids[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: true, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }, { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } }],
      special_tokens: { '[CLS]': special('[CLS]'), '[SEP]': special('[SEP]') },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: ids },
  };
}

export function writeFixtureModel(root: string): string {
  const dir = path.join(root, FIXTURE_MODEL_ID);
  mkdirSync(path.join(dir, 'onnx'), { recursive: true });
  writeFileSync(path.join(dir, 'onnx', 'model_quantized.onnx'), modelBytes());
  writeFileSync(path.join(dir, 'tokenizer.json'), JSON.stringify(tokenizer()));
  const config = { model_type: 'bert', architectures: ['BertModel'], hidden_size: HIDDEN, vocab_size: vocabulary.length, num_attention_heads: 1, num_hidden_layers: 1, max_position_embeddings: 512, type_vocab_size: 2 };
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config, null, 2));
  const tokenizerConfig = { tokenizer_class: 'BertTokenizer', do_lower_case: true, model_max_length: 512, cls_token: '[CLS]', sep_token: '[SEP]', pad_token: '[PAD]', unk_token: '[UNK]', mask_token: '[MASK]' };
  writeFileSync(path.join(dir, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig, null, 2));
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`wrote ${writeFixtureModel(path.resolve('test/fixtures/models'))}`);
}
