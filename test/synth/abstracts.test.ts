import test from 'node:test';
import assert from 'node:assert/strict';
import { MedbertError } from '../../src/errors.js';
import { builtinEntries, builtinMatcher } from '../../src/ontology/index.js';
import { builtinSynthLexicon, generateAbstracts, knowledgeFor } from '../../src/synth/index.js';

test('abstracts: the same seed gives the same records, another seed other records', async () => {
  const a = await generateAbstracts(50, 7);
  const b = await generateAbstracts(50, 7);
  const c = await generateAbstracts(50, 8);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.map((x) => x.abstract), c.map((x) => x.abstract));
  assert.equal(new Set(a.map((x) => x.pmid)).size, 50);
});

test('abstracts: every mention selects its text in title + " " + abstract, in order, without overlap', async () => {
  const lexicon = await builtinSynthLexicon();
  for (const a of await generateAbstracts(300, 11)) {
    const text = `${a.title} ${a.abstract}`;
    assert.ok(a.mentions.length >= 5, `${a.pmid}: only ${a.mentions.length} mentions`);
    let previousEnd = 0;
    for (const m of a.mentions) {
      assert.equal(text.slice(m.start, m.end), m.text, `${a.pmid} ${m.start}-${m.end}`);
      assert.ok(m.start >= previousEnd, `${a.pmid}: overlapping mentions at ${m.start}`);
      previousEnd = m.end;
      assert.equal(lexicon.byId(m.id)?.type, m.type, `${a.pmid}: ${m.id} is not a lexicon ${m.type}`);
    }
  }
});

test('abstracts: the built-in matcher links every planted mention to its concept, and finds nothing else', async () => {
  const matcher = await builtinMatcher();
  let mentions = 0;
  for (const a of await generateAbstracts(400, 3)) {
    const text = `${a.title} ${a.abstract}`;
    const found = matcher.match(text).map((s) => `${s.start}-${s.end} ${s.id}`);
    const gold = a.mentions.map((m) => `${m.start}-${m.end} ${m.id}`);
    assert.deepEqual(found, gold, `${a.pmid}: ${text}`);
    mentions += gold.length;
  }
  assert.ok(mentions > 6000, `${mentions} mentions`);
});

test('abstracts: all three entity types, most lexicon concepts, many distinct sentences', async () => {
  const lexicon = await builtinSynthLexicon();
  const abstracts = await generateAbstracts(1500, 1);
  const types = new Set(abstracts.flatMap((a) => a.mentions.map((m) => m.type)));
  assert.deepEqual([...types].sort(), ['chemical', 'disease', 'gene']);
  const concepts = new Set(abstracts.flatMap((a) => a.mentions.map((m) => m.id)));
  assert.ok(concepts.size >= 0.9 * lexicon.size, `${concepts.size} of ${lexicon.size} concepts mentioned`);
  const sentences = new Set(abstracts.flatMap((a) => a.abstract.split(/(?<=\.) /)));
  assert.ok(sentences.size > 10_000, `${sentences.size} distinct sentences`);
  const megabytes = abstracts.reduce((n, a) => n + a.title.length + a.abstract.length + 1, 0) / 1e6;
  assert.ok(megabytes > 1 && megabytes < 2, `${megabytes} MB`);
});

test('knowledge: every name in the fact tables is a concept of the built-in lexicon', async () => {
  const lexicon = await builtinSynthLexicon();
  const knowledge = knowledgeFor(lexicon);
  assert.deepEqual(knowledge.unresolved, []);
  assert.ok(knowledge.treats.every((r) => r.from.type === 'chemical' && r.to.type === 'disease'));
  assert.ok(knowledge.causes.every((r) => r.from.type === 'chemical' && r.to.type === 'disease'));
  assert.ok(knowledge.associated.every((r) => r.from.type === 'gene' && r.to.type === 'disease'));
  const entries = await builtinEntries();
  // Only concepts without a usable running-text name may be missing from the generator's lexicon.
  assert.ok(lexicon.size >= entries.length - 2, `${lexicon.size} of ${entries.length} concepts usable`);
});

test('abstracts: a bad count is a MedbertError', async () => {
  await assert.rejects(generateAbstracts(-1, 1), MedbertError);
  await assert.rejects(generateAbstracts(1.5, 1), MedbertError);
  assert.deepEqual(await generateAbstracts(0, 1), []);
});
