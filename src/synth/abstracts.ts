import { MedbertError } from '../errors.js';
import { Rng } from '../tensor/rng.js';
import { BACKGROUND, CASE_REPORT, CASE_TITLES, CONCLUSIONS, METHODS, OBJECTIVE, RESULTS, TITLES } from './abstract-templates.js';
import { knowledgeFor } from './knowledge.js';
import { builtinSynthLexicon, type SynthLexicon } from './lexicon.js';
import { between, chance, pick, sample } from './random.js';
import { DocumentRenderer, type Mention } from './render.js';
import { TextBuilder } from './text-builder.js';
import { TopicSampler, type TopicOptions } from './topic.js';

/** An abstract-like record, as PubMed's title and abstract. */
export interface SynthAbstract {
  readonly pmid: string;
  readonly title: string;
  readonly abstract: string;
  /** Every planted concept mention; offsets index `title + ' ' + abstract` (as PubTator's do). */
  readonly mentions: readonly Mention[];
}

export interface AbstractOptions extends TopicOptions {
  /** The lexicon to draw from (default: the built-in one). */
  readonly lexicon?: SynthLexicon;
  /** PMID of the first record; the others follow (default 10000000). Give splits disjoint ranges. */
  readonly firstPmid?: number;
  /** 'plain': genes only by names without disease or chemical words (NER documents). */
  readonly geneNames?: 'all' | 'plain';
}

/** `count` abstracts, the same for the same seed and options. */
export async function generateAbstracts(count: number, seed: number, options: AbstractOptions = {}): Promise<SynthAbstract[]> {
  return generateAbstractsWith(options.lexicon ?? await builtinSynthLexicon(), count, seed, options);
}

/** The synchronous core of generateAbstracts, for a lexicon already built. */
export function generateAbstractsWith(lexicon: SynthLexicon, count: number, seed: number, options: AbstractOptions = {}): SynthAbstract[] {
  checkCount(count, 'abstracts');
  const rng = new Rng(seed);
  const topics = new TopicSampler(lexicon, knowledgeFor(lexicon), options);
  const firstPmid = options.firstPmid ?? 10_000_000;
  const out: SynthAbstract[] = [];
  for (let i = 0; i < count; i++) {
    const builder = new TextBuilder<Mention>();
    const renderer = new DocumentRenderer(rng, topics.draw(rng), builder, options.geneNames ?? 'all');
    const caseReport = chance(rng, 0.15);
    renderer.render(pick(rng, caseReport ? CASE_TITLES : TITLES));
    const titleLength = builder.offset;
    builder.add(' ');
    const sections = caseReport ? caseSections(rng) : articleSections(rng);
    const structured = !caseReport && chance(rng, 0.5);
    let first = true;
    for (const [label, templates] of sections) {
      if (templates.length === 0) continue;
      if (structured) builder.add(`${first ? '' : ' '}${label}: `);
      templates.forEach((template, k) => {
        if (!first && (k > 0 || !structured)) builder.add(' ');
        renderer.render(template);
        first = false;
      });
    }
    const text = builder.toString();
    out.push({ pmid: String(firstPmid + i), title: text.slice(0, titleLength), abstract: text.slice(titleLength + 1), mentions: builder.spans });
  }
  return out;
}

type Section = readonly [label: string, templates: readonly string[]];

function articleSections(rng: Rng): Section[] {
  return [
    ['BACKGROUND', sample(rng, BACKGROUND, between(rng, 1, 3))],
    ['OBJECTIVE', chance(rng, 0.5) ? [pick(rng, OBJECTIVE)] : []],
    ['METHODS', sample(rng, METHODS, between(rng, 1, 3))],
    ['RESULTS', sample(rng, RESULTS, between(rng, 2, 4))],
    ['CONCLUSIONS', sample(rng, CONCLUSIONS, between(rng, 1, 2))],
  ];
}

function caseSections(rng: Rng): Section[] {
  const story = CASE_REPORT.filter(() => chance(rng, 0.8));
  return [['BACKGROUND', [pick(rng, BACKGROUND)]], ['CASE', story.length > 0 ? story : CASE_REPORT.slice(0, 2)]];
}

export function checkCount(count: number, what: string): void {
  if (!Number.isInteger(count) || count < 0) throw new MedbertError(`synthetic corpus: the number of ${what} must be a whole number >= 0, got ${count}`);
}
