// SentencePiece's unigram trainer (spm_train --model_type=unigram): sample and normalize sentences, pick
// the alphabet by character coverage, seed pieces from a suffix array, then EM sub-iterations and pruning
// (shrinking factor 0.75) until the vocabulary is 1.1 × the target, and keep the best pieces. Produces the
// same ModelProto layout as spm_train (meta pieces first, then pieces by score) and the `.vocab` text.
import { MedbertError } from '../../errors.js';
import { PieceType, type ModelProto, type PieceProto, type TrainerSpecProto, type NormalizerSpecProto } from '../model-spec.js';
import { Normalizer } from '../normalizer.js';
import { byteToPiece } from '../byte-pieces.js';
import { utf8DecodeValid } from '../utf8.js';
import { charsmapForRule } from './nfkc-charsmap.js';
import { isValidPiece, SPACE_CP, UNK_CP, type PieceRules } from './piece-rules.js';
import { byCountThenKey, compareCodePoints, makeSeedPieces, type SeedPiece } from './seed.js';
import { expectedCounts, maximize, minScore, prune, SeedTrie, WordCorpus, type LivePieces } from './em.js';
import { mulberry32 } from '../../random.js';

/** spm_train's options (same names); unset ones take spm_train's defaults. */
export interface UnigramTrainOptions {
  vocab_size?: number;
  character_coverage?: number;
  byte_fallback?: boolean;
  user_defined_symbols?: string[];
  control_symbols?: string[];
  normalization_rule_name?: string;
  input_sentence_size?: number;
  shuffle_input_sentence?: boolean;
  split_digits?: boolean;
  split_by_whitespace?: boolean;
  split_by_unicode_script?: boolean;
  split_by_number?: boolean;
  treat_whitespace_as_suffix?: boolean;
  max_sentencepiece_length?: number;
  max_sentence_length?: number;
  seed_sentencepiece_size?: number;
  shrinking_factor?: number;
  num_sub_iterations?: number;
  add_dummy_prefix?: boolean;
  remove_extra_whitespaces?: boolean;
  unk_id?: number;
  bos_id?: number;
  eos_id?: number;
  pad_id?: number;
  /** The special pieces' names (spm_train's defaults: <unk>, <s>, </s>, <pad>), and the text decode writes for <unk>. */
  unk_piece?: string;
  bos_piece?: string;
  eos_piece?: string;
  pad_piece?: string;
  unk_surface?: string;
  /** The .vocab file lists each piece's score beside it (true) or the pieces alone. */
  vocabulary_output_piece_score?: boolean;
  num_threads?: number;
  hard_vocab_limit?: boolean;
  random_seed?: number;
  /** Recorded in the model as spm_train does (file names, prefix). */
  input?: string[];
  model_prefix?: string;
}

export interface TrainProgress {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
  readonly fields?: Record<string, number>;
}

export interface TrainedModel {
  readonly proto: ModelProto;
  /** The `.vocab` file: piece, tab, score per line. */
  readonly vocab: string;
}

/** The boundary spm_train puts where a meta piece was in a normalized sentence: a tab. */
const BOUNDARY_CP = 9;

const DEFAULTS = {
  vocab_size: 8000, character_coverage: 0.9995, byte_fallback: false, normalization_rule_name: 'nmt_nfkc',
  input_sentence_size: 0, shuffle_input_sentence: true, split_digits: false, split_by_whitespace: true,
  split_by_unicode_script: true, split_by_number: true, treat_whitespace_as_suffix: false, max_sentencepiece_length: 16,
  max_sentence_length: 4192, seed_sentencepiece_size: 1000000, shrinking_factor: 0.75, num_sub_iterations: 2,
  add_dummy_prefix: true, remove_extra_whitespaces: true, unk_id: 0, bos_id: 1, eos_id: 2, pad_id: -1, num_threads: 16,
  hard_vocab_limit: true, random_seed: 1, unk_piece: '<unk>', bos_piece: '<s>', eos_piece: '</s>', pad_piece: '<pad>',
  unk_surface: ' \u2047 ', vocabulary_output_piece_score: true,
};

type Resolved = typeof DEFAULTS & { user_defined_symbols: string[]; control_symbols: string[]; input: string[]; model_prefix: string };

/** Runs E-steps elsewhere (worker threads), returning the same sums as expectedCounts. */
export interface ParallelEStep {
  /** Called once the words are known; the corpus's arrays may be moved to shared memory. */
  share(corpus: WordCorpus): void;
  expectedCounts(corpus: WordCorpus, live: LivePieces, threads: number): Promise<{ expected: Float32Array; objective: number }>;
  viterbiCounts(corpus: WordCorpus, live: LivePieces, threads: number): Promise<{ freq: Float32Array; vsum: number }>;
  /**
   * Optional: makeSeedPieces run elsewhere (a worker thread), with the same result. It is one long computation
   * (seconds on a large corpus): elsewhere, this thread's event loop stays free, and a Ctrl-C is seen at once.
   */
  seedPieces?(sentences: readonly Int32Array[], rules: PieceRules, seedSize: number): Promise<SeedPiece[]>;
}

/** The training text after normalization (steps 1-2), what the seed pieces are made from. */
interface NormalizedText {
  readonly sentences: Int32Array[];
  readonly rules: PieceRules;
  readonly required: Map<number, number>;
  readonly normalizerSpec: NormalizerSpecProto;
  readonly report: (p: TrainProgress) => void;
}

interface TrainingState {
  readonly corpus: WordCorpus;
  readonly live: LivePieces;
  readonly trie: SeedTrie;
  readonly required: Map<number, number>;
  readonly normalizerSpec: NormalizerSpecProto;
  readonly desired: number;
  readonly estimatedRounds: number;
  round: number;
  readonly report: (p: TrainProgress) => void;
}

/** Collects training sentences (with spm_train's sampling) and trains. */
export class UnigramTrainer {
  private readonly o: Resolved;
  private readonly sentences: Uint8Array[] = [];
  private seen = 0;
  private rng: () => number;
  private readonly metaPieces = new Map<number, { piece: string; type: PieceType }>();

  constructor(options: UnigramTrainOptions = {}) {
    const o = { ...DEFAULTS, user_defined_symbols: [], control_symbols: [], input: [], model_prefix: '' } as Resolved;
    for (const [k, v] of Object.entries(options)) if (v !== undefined) (o as Record<string, unknown>)[k] = v;
    this.o = o;
    checkRange('vocab_size', o.vocab_size, 1, 2 ** 31 - 1);
    checkRange('character_coverage', o.character_coverage, 0.98, 1);
    checkRange('max_sentencepiece_length', o.max_sentencepiece_length, 1, 512);
    checkRange('num_sub_iterations', o.num_sub_iterations, 1, 10);
    checkRange('num_threads', o.num_threads, 1, 1024);
    checkRange('seed_sentencepiece_size', o.seed_sentencepiece_size, 1000, 5000000);
    checkRange('shrinking_factor', o.shrinking_factor, 0.5, 0.95);
    if (o.input_sentence_size !== 0) checkRange('input_sentence_size', o.input_sentence_size, 100, 100000000);
    this.rng = mulberry32(o.random_seed);
    this.initMetaPieces();
  }

  private initMetaPieces(): void {
    const o = this.o;
    const meta = this.metaPieces;
    const put = (id: number, piece: string, type: PieceType): void => {
      if (id < 0) return;
      if (id >= o.vocab_size) throw new MedbertError(`special id ${id} for ${piece} is outside the vocabulary (vocab_size ${o.vocab_size})`);
      if (meta.has(id)) throw new MedbertError(`id ${id} is given to both ${meta.get(id)!.piece} and ${piece}`);
      meta.set(id, { piece, type });
    };
    if (o.unk_id < 0) throw new MedbertError(`--unk_id must be >= 0: ${o.unk_piece} must be defined`);
    const named = new Map<string, string>();
    for (const [flag, piece, id] of [['unk_piece', o.unk_piece, o.unk_id], ['bos_piece', o.bos_piece, o.bos_id], ['eos_piece', o.eos_piece, o.eos_id],
      ['pad_piece', o.pad_piece, o.pad_id]] as const) {
      if (piece === '') throw new MedbertError(`--${flag} is empty`);
      if (id < 0) continue; // a piece the model does not have
      const other = named.get(piece);
      if (other !== undefined) throw new MedbertError(`--${other} and --${flag} both name ${piece}: each special piece needs a name of its own`);
      named.set(piece, flag);
    }
    put(o.unk_id, o.unk_piece, PieceType.UNKNOWN);
    put(o.bos_id, o.bos_piece, PieceType.CONTROL);
    put(o.eos_id, o.eos_piece, PieceType.CONTROL);
    put(o.pad_id, o.pad_piece, PieceType.CONTROL);
    const seen = new Set<string>();
    let next = 0;
    const add = (piece: string, type: PieceType): void => {
      if (piece === '') throw new MedbertError(`--${type === PieceType.CONTROL ? 'control_symbols' : 'user_defined_symbols'} holds an empty symbol`);
      if (seen.has(piece)) throw new MedbertError(`symbol ${piece} is defined twice`);
      seen.add(piece);
      if (piece === o.unk_piece) throw new MedbertError(`${o.unk_piece} must not be given in --control_symbols or --user_defined_symbols`);
      for (const [id, m] of meta) if (m.piece === piece) { meta.set(id, { piece, type }); return; }
      while (meta.has(next)) next++;
      meta.set(next, { piece, type });
    };
    for (const s of o.control_symbols) add(s, PieceType.CONTROL);
    for (const s of o.user_defined_symbols) add(s, PieceType.USER_DEFINED);
    if (o.byte_fallback) for (let b = 0; b < 256; b++) add(byteToPiece(b), PieceType.BYTE);
    if (meta.size >= o.vocab_size) throw new MedbertError(`vocab_size ${o.vocab_size} leaves no room beside ${meta.size} special pieces`);
  }

  /** Adds one input line (UTF-8 bytes or a string): long lines are skipped, sampling as spm_train does. */
  addSentence(line: Uint8Array | string): void {
    const bytes = typeof line === 'string' ? new TextEncoder().encode(line) : line;
    const o = this.o;
    if (bytes.length > o.max_sentence_length) return;
    const limit = o.input_sentence_size;
    if (limit > 0 && o.shuffle_input_sentence) {
      // Reservoir sampling: every line has the same chance to be kept.
      this.seen++;
      if (this.sentences.length < limit) this.sentences.push(bytes.slice());
      else {
        const j = Math.floor(this.rng() * this.seen);
        if (j < limit) this.sentences[j] = bytes.slice();
      }
      return;
    }
    if (limit > 0 && this.sentences.length >= limit) return;
    this.sentences.push(bytes.slice());
  }

  get sentenceCount(): number {
    return this.sentences.length;
  }

  /** Trains on one thread. */
  train(onProgress?: (p: TrainProgress) => void): TrainedModel {
    const state = this.prepare(onProgress);
    for (;;) {
      for (let iter = 0; iter < this.o.num_sub_iterations; iter++) this.afterEStep(state, expectedCounts(state.corpus, state.live, this.o.num_threads));
      if (!this.pruneRound(state)) break;
    }
    return this.finish(state);
  }

  /**
   * Trains with the E-steps run by `parallel` (e.g. worker threads; node-parallel.ts). The result is the same
   * as train()'s: partial sums are still grouped and added in num_threads order.
   */
  async trainParallel(parallel: ParallelEStep, onProgress?: (p: TrainProgress) => void): Promise<TrainedModel> {
    const text = this.normalizedText(onProgress);
    const seedSize = this.o.seed_sentencepiece_size;
    const seeds = parallel.seedPieces === undefined ? makeSeedPieces(text.sentences, text.rules, seedSize)
      : await parallel.seedPieces(text.sentences, text.rules, seedSize);
    const state = this.fromSeeds(text, seeds);
    parallel.share(state.corpus);
    for (;;) {
      for (let iter = 0; iter < this.o.num_sub_iterations; iter++) this.afterEStep(state, await parallel.expectedCounts(state.corpus, state.live, this.o.num_threads));
      if (state.live.order.length <= state.desired) break;
      this.pruneRound(state, await parallel.viterbiCounts(state.corpus, state.live, this.o.num_threads));
    }
    return this.finish(state);
  }

  private afterEStep(state: TrainingState, result: { expected: Float32Array; objective: number }): void {
    maximize(state.live, result.expected);
    state.corpus.compact(state.live.alive);
    state.report({ phase: 'em', done: state.round, total: state.estimatedRounds, fields: { pieces: state.live.order.length, objective: result.objective } });
  }

  /** Prunes when the vocabulary is still too large; false when EM is done. */
  private pruneRound(state: TrainingState, counts?: { freq: Float32Array; vsum: number }): boolean {
    if (state.live.order.length <= state.desired) return false;
    prune(state.corpus, state.live, state.trie, this.o.num_threads, state.desired, this.o.shrinking_factor, counts);
    state.corpus.compact(state.live.alive);
    state.round++;
    return true;
  }

  private finish(state: TrainingState): TrainedModel {
    // Final pieces: every required character, then the best-scored pieces.
    const pieces = this.finalPieces(state.live, state.required);
    return this.serialize(pieces, state.normalizerSpec);
  }

  /** Everything up to the EM rounds on this thread (the seed pieces included). */
  private prepare(onProgress?: (p: TrainProgress) => void): TrainingState {
    const text = this.normalizedText(onProgress);
    return this.fromSeeds(text, makeSeedPieces(text.sentences, text.rules, this.o.seed_sentencepiece_size));
  }

  /** Steps 1-2: the sentences normalized, as code points, with the characters outside the alphabet made unknown. */
  private normalizedText(onProgress?: (p: TrainProgress) => void): NormalizedText {
    const o = this.o;
    const report = onProgress ?? ((): void => {});
    if (this.sentences.length === 0) throw new MedbertError('no training sentences: the input is empty or every line is longer than --max_sentence_length');
    const charsmap = charsmapForRule(o.normalization_rule_name);
    const normalizerSpec: NormalizerSpecProto = {
      name: o.normalization_rule_name, precompiled_charsmap: charsmap,
      add_dummy_prefix: o.add_dummy_prefix, remove_extra_whitespaces: o.remove_extra_whitespaces, normalization_rule_tsv: '',
    };
    const rules: PieceRules = {
      maxPieceLength: o.max_sentencepiece_length, splitByWhitespace: o.split_by_whitespace,
      treatWhitespaceAsSuffix: o.treat_whitespace_as_suffix, allowWhitespaceOnlyPieces: false,
      splitByUnicodeScript: o.split_by_unicode_script, splitByNumber: o.split_by_number, splitDigits: o.split_digits,
    };

    // 1. Normalize; then, as spm_train does, the meta pieces in the normalized text (the longest at each place) become
    // a boundary (a tab), so they are not learnt as normal pieces: the tab is no character of the alphabet (step 2),
    // so it ends up as the unknown character.
    const normalizer = new Normalizer({ spec: normalizerSpec, treatWhitespaceAsSuffix: o.treat_whitespace_as_suffix, userDefined: null });
    const metaList = [...this.metaPieces.values()].map((m) => m.piece).sort((a, b) => b.length - a.length);
    const metaPattern = metaList.length === 0 ? null : new RegExp(metaList.map(escapeRegExp).join('|'), 'g');
    let sentences: Int32Array[] = [];
    for (let i = 0; i < this.sentences.length; i++) {
      const n = normalizer.normalize(this.sentences[i]);
      if (n === 0) continue;
      let text = utf8DecodeValid(normalizer.out, 0, n);
      if (metaPattern !== null) text = text.replace(metaPattern, '\t');
      sentences.push(codePoints(text));
      if (i % 10000 === 0) report({ phase: 'normalize', done: i, total: this.sentences.length });
    }
    this.sentences.length = 0;

    // 2. Alphabet: the most frequent characters up to the coverage; the rest become U+2585 (unknown).
    const counts = new Float64Array(0x110000);
    let allChars = 0;
    for (const s of sentences) {
      for (let k = 0; k < s.length; k++) {
        const c = s[k];
        if (c === 0 || c === 0x20) continue;
        counts[c]++;
        allChars++;
      }
    }
    const charCount: Array<[number, number]> = [];
    for (let c = 0; c < 0x110000; c++) if (counts[c] > 0) charCount.push([c, counts[c]]);
    const required = new Map<number, number>();
    let accumulated = 0;
    for (const [c, n] of byCountThenKey(charCount, (a, b) => a - b)) {
      if (accumulated / allChars >= o.character_coverage) break;
      accumulated += n;
      if (c === BOUNDARY_CP) continue; // counted in the coverage, as spm_train counts it, but never a piece
      required.set(c, n);
    }
    if (required.has(UNK_CP)) throw new MedbertError('the corpus uses U+2585, which the trainer reserves for unknown characters');
    const isRequired = new Uint8Array(0x110000);
    for (const c of required.keys()) isRequired[c] = 1;
    for (const s of sentences) for (let k = 0; k < s.length; k++) if (isRequired[s[k]] === 0) s[k] = UNK_CP;
    if (required.size + this.metaPieces.size >= o.vocab_size) {
      throw new MedbertError(`vocab_size ${o.vocab_size} is smaller than the alphabet (${required.size} characters + ${this.metaPieces.size} special pieces): raise --vocab_size or lower --character_coverage`);
    }

    report({ phase: 'seed', done: 0, total: 1 });
    return { sentences, rules, required, normalizerSpec, report };
  }

  /** Steps 4 on, once step 3, the seed pieces from a suffix array of the sentences, is done. */
  private fromSeeds(text: NormalizedText, seeds: SeedPiece[]): TrainingState {
    const o = this.o;
    const { required, normalizerSpec, report } = text;
    report({ phase: 'seed', done: 1, total: 1, fields: { seeds: seeds.length } });

    // 4. Words (split at whitespace) with counts, sorted by count desc then text.
    const words = splitWords(text.sentences, o.split_by_whitespace, o.treat_whitespace_as_suffix);
    text.sentences.length = 0; // the words hold what EM needs: the sentences go
    const trie = new SeedTrie(seeds);
    const corpus = new WordCorpus(words.map((w) => w[0]), Float64Array.from(words.map((w) => w[1])), trie);
    const live: LivePieces = {
      seeds, scores: Float32Array.from(seeds.map((s) => s.score)), alive: new Uint8Array(seeds.length).fill(1),
      order: Int32Array.from(seeds.keys()),
    };

    const desired = Math.trunc(o.vocab_size * 1.1);
    const estimatedRounds = Math.max(1, Math.ceil(Math.log(desired / seeds.length) / Math.log(o.shrinking_factor)));
    return { corpus, live, trie, required, normalizerSpec, desired, estimatedRounds, round: 0, report };
  }

  private finalPieces(live: LivePieces, required: Map<number, number>): Array<[string, number]> {
    const o = this.o;
    const live2 = new Map<string, number>();
    for (const id of live.order) live2.set(String.fromCodePoint(...live.seeds[id].cps), live.scores[id]);
    const final = new Map<string, number>();
    const min = minScore(live);
    let penalty = 0;
    for (const [c] of byCountThenKey([...required.entries()], (a, b) => a - b)) {
      const s = String.fromCodePoint(c);
      const score = live2.get(s);
      if (score !== undefined) final.set(s, score);
      else { final.set(s, Math.fround(min + penalty)); penalty = Math.fround(penalty + 0.0001); }
    }
    const room = o.vocab_size - this.metaPieces.size;
    for (const [piece, score] of byCountThenKey([...live2.entries()], compareUtf8)) {
      if (final.has(piece)) continue;
      if (final.size === room) break;
      final.set(piece, score);
    }
    if (final.size < room && o.hard_vocab_limit) {
      throw new MedbertError(`vocab_size ${o.vocab_size} is too large for this corpus: only ${final.size + this.metaPieces.size} pieces were found (lower --vocab_size, or add text)`);
    }
    return byCountThenKey([...final.entries()], compareUtf8);
  }

  private serialize(final: Array<[string, number]>, normalizerSpec: NormalizerSpecProto): TrainedModel {
    const o = this.o;
    const pieces: PieceProto[] = [];
    let next = 0;
    const total = final.length + this.metaPieces.size;
    for (let id = 0; id < total; id++) {
      const meta = this.metaPieces.get(id);
      if (meta !== undefined) pieces.push({ piece: meta.piece, score: 0, type: meta.type });
      else { const [piece, score] = final[next++]; pieces.push({ piece, score, type: PieceType.NORMAL }); }
    }
    const trainerSpec: TrainerSpecProto = {
      input: o.input, model_prefix: o.model_prefix, model_type: 1, vocab_size: pieces.length, self_test_sample_size: 0,
      input_format: '', character_coverage: o.character_coverage, input_sentence_size: o.input_sentence_size,
      seed_sentencepiece_size: o.seed_sentencepiece_size, shrinking_factor: o.shrinking_factor, num_threads: o.num_threads,
      num_sub_iterations: o.num_sub_iterations, max_sentence_length: o.max_sentence_length,
      shuffle_input_sentence: o.shuffle_input_sentence, max_sentencepiece_length: o.max_sentencepiece_length,
      split_by_unicode_script: o.split_by_unicode_script, split_by_whitespace: o.split_by_whitespace,
      split_by_number: o.split_by_number, treat_whitespace_as_suffix: o.treat_whitespace_as_suffix,
      split_digits: o.split_digits, allow_whitespace_only_pieces: false, control_symbols: o.control_symbols,
      user_defined_symbols: o.user_defined_symbols, vocabulary_output_piece_score: o.vocabulary_output_piece_score, hard_vocab_limit: o.hard_vocab_limit,
      use_all_vocab: false, byte_fallback: o.byte_fallback, required_chars: '', unk_id: o.unk_id, bos_id: o.bos_id,
      eos_id: o.eos_id, pad_id: o.pad_id, unk_surface: o.unk_surface, unk_piece: o.unk_piece, bos_piece: o.bos_piece,
      eos_piece: o.eos_piece, pad_piece: o.pad_piece, train_extremely_large_corpus: false, enable_differential_privacy: false,
      differential_privacy_noise_level: 0, differential_privacy_clipping_threshold: 0, accept_language: [],
    };
    const proto: ModelProto = { pieces, trainer_spec: trainerSpec, normalizer_spec: normalizerSpec };
    const vocab = pieces.map((p) => (o.vocabulary_output_piece_score ? `${p.piece}\t${formatScore(p.score)}\n` : `${p.piece}\n`)).join('');
    return { proto, vocab };
  }
}

/** Trains from lines (strings or UTF-8 bytes). */
export function trainUnigram(lines: Iterable<Uint8Array | string>, options: UnigramTrainOptions = {}, onProgress?: (p: TrainProgress) => void): TrainedModel {
  const trainer = new UnigramTrainer(options);
  for (const line of lines) trainer.addSentence(line);
  return trainer.train(onProgress);
}

function splitWords(sentences: readonly Int32Array[], byWhitespace: boolean, suffix: boolean): Array<[Int32Array, number]> {
  const counts = new Map<string, number>();
  for (const s of sentences) {
    if (!byWhitespace) { const k = String.fromCodePoint(...s); counts.set(k, (counts.get(k) ?? 0) + 1); continue; }
    let start = 0;
    for (let i = 0; i <= s.length; i++) {
      const boundary = i === s.length || (suffix ? i > 0 && s[i - 1] === SPACE_CP : i > 0 && s[i] === SPACE_CP);
      if (boundary && i > start) {
        const k = String.fromCodePoint(...s.subarray(start, i));
        counts.set(k, (counts.get(k) ?? 0) + 1);
        start = i;
      }
    }
  }
  const entries = [...counts.entries()].map(([k, n]) => [codePoints(k), n] as [Int32Array, number]);
  return byCountThenKey(entries, compareCodePoints);
}

function codePoints(text: string): Int32Array {
  const out: number[] = [];
  for (const ch of text) out.push(ch.codePointAt(0)!);
  return Int32Array.from(out);
}

function compareUtf8(a: string, b: string): number {
  // Code point order equals UTF-8 byte order.
  const x = codePoints(a);
  const y = codePoints(b);
  return compareCodePoints(x, y);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function checkRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isFinite(value) || value < min || value > max) throw new MedbertError(`--${name}=${value} is out of range [${min}, ${max}]`);
}

/** C++ ostream's default float format (%g with 6 significant digits), as in spm_train's .vocab files. */
export function formatScore(x: number): string {
  if (x === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  if (exp < -5 || exp >= 6) {
    const [m, e] = x.toExponential(5).split('e');
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const n = Number(e);
    return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return String(Number(x.toPrecision(6)));
}

export { isValidPiece };
