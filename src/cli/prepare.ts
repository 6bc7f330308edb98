import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MedbertError } from '../errors.js';
import { dedupe, parseCorpusFormat, WarningCounter, type CorpusDocument, type CorpusFormat } from '../corpus/index.js';
import { readCorpusFile } from '../corpus/node-io.js';
import { ShardWriter } from '../data/shard-files.js';
import { SequencePacker } from '../data/pack.js';
import { specialIds } from '../data/special-tokens.js';
import { loadMatcher } from '../ontology/node-io.js';
import { readModelFile } from '../tokenizer/node-io.js';
import { intFlag, parseFlags, printJson, required } from './args.js';
import type { Command } from './command.js';
import { Progress } from './progress.js';
import { stopOnInterrupt } from './runtime.js';

export const prepareCommand: Command = {
  name: 'prepare',
  summary: 'turn raw text into training shards: read, de-identify, tokenize, link entities, pack',
  async run(argv) {
    const parsed = parseFlags(argv, {
      input: { type: 'string', multiple: true, valueName: 'PATH', description: 'input file (repeat the flag, or list several after it)' },
      format: { type: 'string', valueName: 'F', description: 'pubmed | jats | jsonl | csv | text (default: from each file name)' },
      'text-fields': { type: 'string', valueName: 'A,B', default: 'title,abstract', description: 'JSONL fields that hold text, in order' },
      'text-column': { type: 'string', valueName: 'C', default: 'transcription', description: 'CSV column that holds the note' },
      tokenizer: { type: 'string', valueName: 'M.model', description: 'SentencePiece model (copied into OUT)' },
      ontology: { type: 'string', valueName: 'FILE', description: 'lexicon TSV(.gz) for entity linking, or "builtin"; omit for none' },
      deid: { type: 'boolean', description: 'de-identify the text first (clinical notes)' },
      'deid-mode': { type: 'string', valueName: 'M', default: 'tag', description: 'tag ([NAME], [DATE], ...) or surrogate' },
      'near-dedup': { type: 'boolean', description: 'also drop near-duplicate documents (MinHash)' },
      'seq-len': { type: 'string', valueName: 'N', default: '128', description: 'tokens per sequence, [CLS] and [SEP] included' },
      out: { type: 'string', valueName: 'DIR', description: 'shard folder to write (atomically)' },
      json: { type: 'boolean', description: 'print the counts as one JSON object' },
    }, {
      usage: 'medbert prepare --input PATH... --format pubmed|jats|jsonl|csv|text --tokenizer M.model --ontology FILE [--deid] --seq-len 128|512 --out DIR',
      description: 'Reads documents, de-identifies notes (--deid), splits sentences, tokenizes, links entity mentions to\n' +
        'ontology concepts (spans mapped to token positions), packs documents into sequences and writes shards of\n' +
        'token ids with entity spans plus manifest.json (counts, hashes) and the tokenizer. Exact duplicates are dropped.',
      examples: [
        'medbert prepare --input ../shared/data/corpus/abstracts/abstracts.jsonl.gz --format jsonl --tokenizer spm.model --ontology ../shared/data/ontology/lexicon.tsv.gz --out runs/shards',
        'medbert prepare --input notes.csv --format csv --text-column transcription --deid --tokenizer spm.model --ontology builtin --out runs/notes',
      ],
    }, true);
    if (parsed === null) return 0;
    const v = parsed.values;
    const inputs = [...(v.input ?? []), ...parsed.positionals];
    if (inputs.length === 0) throw new MedbertError('missing required flag --input');
    for (const path of inputs) if (!existsSync(path)) throw new MedbertError(`input file not found: ${path}`);
    const format: CorpusFormat | undefined = v.format === undefined ? undefined : parseCorpusFormat(v.format);
    const tokenizerPath = required(v.tokenizer, 'tokenizer');
    const out = required(v.out, 'out');
    const seqLen = intFlag(v['seq-len'], 'seq-len', 128, 8, 4096);
    const deidMode = v['deid-mode'] ?? 'tag';
    if (deidMode !== 'tag' && deidMode !== 'surrogate') throw new MedbertError(`--deid-mode=${deidMode} is not valid: expected tag or surrogate`);
    const summary = await prepareShards({
      inputs, format, tokenizerPath, out, seqLen, ontology: v.ontology ?? null, deid: v.deid === true ? deidMode : null,
      textFields: (v['text-fields'] ?? 'title,abstract').split(',').filter((f) => f !== ''),
      textColumn: v['text-column'] ?? 'transcription', nearDedup: v['near-dedup'] === true,
    });
    if (v.json === true) printJson(summary);
    else process.stdout.write(`${out}: ${summary.sequences} sequences, ${summary.tokens} tokens, ${summary.entities} entity spans ` +
      `(${summary.concepts} concepts) from ${summary.documents} documents; ${summary.warnings} input warnings\n`);
    return 0;
  },
};

export interface PrepareRequest {
  readonly inputs: readonly string[];
  readonly format: CorpusFormat | undefined;
  readonly textFields: readonly string[];
  readonly textColumn: string;
  readonly tokenizerPath: string;
  /** Lexicon path, "builtin", or null for no linking. */
  readonly ontology: string | null;
  readonly deid: 'tag' | 'surrogate' | null;
  readonly nearDedup: boolean;
  readonly seqLen: number;
  readonly out: string;
}

export interface PrepareSummary {
  readonly documents: number;
  readonly duplicates: number;
  readonly sequences: number;
  readonly tokens: number;
  readonly entities: number;
  readonly entities_dropped: number;
  readonly concepts: number;
  readonly phi_spans: number;
  readonly warnings: number;
  readonly megabytes: number;
  readonly seconds: number;
  readonly mb_per_s: number;
}

/** The prepare pipeline with files; also used by `medbert demo`. */
export async function prepareShards(r: PrepareRequest): Promise<PrepareSummary> {
  const sp = readModelFile(r.tokenizerPath);
  const special = specialIds(sp, r.tokenizerPath);
  const matcher = r.ontology === null ? null : await loadMatcher(r.ontology);
  const packer = new SequencePacker({ tokenizer: sp, special, matcher, deid: r.deid, seqLen: r.seqLen });
  const warnings = new WarningCounter();
  const writer = new ShardWriter(r.out, sp.vocabSize <= 65536 ? 2 : 4);
  const totalBytes = r.inputs.reduce((s, p) => s + statSync(p).size, 0);
  const progress = new Progress('prepare', 'docs');
  const interrupt = stopOnInterrupt('prepare');
  const started = performance.now();
  let seen = 0, kept = 0;
  try {
    for (const path of r.inputs) {
      const docs = readCorpusFile(path, {
        ...(r.format === undefined ? {} : { format: r.format }), textFields: [...r.textFields], textColumn: r.textColumn,
        onWarning: warnings.handler,
      });
      const counted = async function* (): AsyncIterable<CorpusDocument> {
        for await (const d of docs) {
          seen++;
          yield d;
        }
      };
      for await (const doc of dedupe(counted(), { near: r.nearDedup })) {
        kept++;
        for (const seq of packer.pack(doc)) writer.add(seq);
        if (kept % 100 === 0) progress.update({ done: kept, total: Math.max(kept, seen), fields: { sequences: packer.stats.sequences } });
        if (interrupt.requested()) throw new MedbertError(`prepare stopped by the user; nothing was written to ${r.out}`);
      }
    }
    writer.finish({
      seq_len: r.seqLen, vocab_size: sp.vocabSize, concepts: packer.concepts,
      info: { inputs: r.inputs, deid: r.deid, ontology: r.ontology, documents_read: seen, documents_kept: kept,
        entities_dropped: packer.stats.entitiesDropped, phi_spans: packer.stats.phiSpans, warnings: warnings.count },
    });
    copyFileSync(r.tokenizerPath, join(r.out, 'tokenizer.model'));
  } catch (error) {
    writer.abort();
    throw error;
  } finally {
    progress.stop();
    interrupt.dispose();
  }
  for (const w of warnings.samples) process.stderr.write(`warning: ${w.file}:${w.line}: ${w.message}\n`);
  if (warnings.count > warnings.samples.length) process.stderr.write(`warning: ... ${warnings.count - warnings.samples.length} more\n`);
  const seconds = (performance.now() - started) / 1000;
  const s = packer.stats;
  return {
    documents: kept, duplicates: seen - kept, sequences: s.sequences, tokens: s.tokens, entities: s.entities,
    entities_dropped: s.entitiesDropped, concepts: packer.concepts.length, phi_spans: s.phiSpans, warnings: warnings.count,
    megabytes: totalBytes / 1e6, seconds, mb_per_s: s.characters / 1e6 / seconds,
  };
}
