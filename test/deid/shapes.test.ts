import test from 'node:test';
import assert from 'node:assert/strict';
import {
  scanShapes, SHAPE_DECADE, SHAPE_DOT_TLD, SHAPE_DOTTED_PAIRS, SHAPE_DOTTED_YEAR, SHAPE_FOUR_GROUPS, SHAPE_HEX_COLON, SHAPE_IPV4, SHAPE_LETTERS_DIGITS,
  SHAPE_NUMBER_CAPITAL, SHAPE_OLD_AGE, SHAPE_SIX_DIGITS, SHAPE_SLASHED_RUN, SHAPE_SSN, SHAPE_TEN_DIGITS, SHAPE_URL_SCHEME, SHAPE_YEAR_FIRST, SHAPE_ZIP,
} from '../../src/deid/recognizers/shapes.js';
import { splitWords } from '../../src/deid/words.js';
import { findPhi, type PhiSpan } from '../../src/deid/index.js';

function shapesOf(text: string): number {
  return scanShapes(text, splitWords(text), []);
}

// Each shape guards a pattern rule: it must be present wherever the rule matches (the rule is skipped otherwise),
// and absent from ordinary text, or it saves nothing.
const CASES: [string, number, string, string][] = [
  ['URL scheme', SHAPE_URL_SCHEME, 'see https://example.org and WWW.example.net', 'the www team: see notes'],
  ['top-level domain', SHAPE_DOT_TLD, 'mail jo.doe@example.COM', 'p.o. b.i.d. 2.5 mg'],
  ['IPv4', SHAPE_IPV4, 'from 10.1.2.3 today', 'temp 98.6, K 4.0, v1.2'],
  ['IPv6', SHAPE_HEX_COLON, 'fe80:0:1:2:3', 'BP: 120/80 at 10 : 30'],
  ['SSN', SHAPE_SSN, 'SSN 123-45-6789', 'pH 7.41-36-188'],
  ['ten digits', SHAPE_TEN_DIGITS, 'call (202) 223-4567', 'SVR 915-1410, 550/14/35'],
  ['dotted pairs', SHAPE_DOTTED_PAIRS, 'tel 06.12.34.56.78', 'temp 98.6, dose 12.5 mg'],
  ['card groups', SHAPE_FOUR_GROUPS, 'card 1234-5678-9012-3456', 'from 2019-2020'],
  ['IBAN start', SHAPE_LETTERS_DIGITS, 'IBAN DE89 3704 0044', 'T 9 and 3 x 4'],
  ['year first', SHAPE_YEAR_FIRST, 'on 2017-08-16', 'in 2017 and 12/3'],
  ['slashed run', SHAPE_SLASHED_RUN, 'ratio 3/12/4/5', '9/21 and 550/14'],
  ['dotted year', SHAPE_DOTTED_YEAR, 'dated 3.12.2019', 'K 4.0 and 2019'],
  ['six digits', SHAPE_SIX_DIGITS, 'seen 031488 for f/u', 'plt 24500 and 12345'],
  ['decade', SHAPE_DECADE, "in the 1990s and 1980's", 'in 1990 and 1980'],
  ['ZIP', SHAPE_ZIP, 'Boston, MA 02115', 'plt: 245000, 1 2345'],
  ['old age', SHAPE_OLD_AGE, '92 y/o; 101-year-old; 95 Y', '92 mg; 45 yo; 150 years'],
  ['number and capital', SHAPE_NUMBER_CAPITAL, 'lives at 27 Linnet St.', 'took 2 tabs at 10 am'],
];

test('each shape is found where its rule can match and not in look-alikes', () => {
  for (const [name, shape, present, absent] of CASES) {
    assert.notEqual(shapesOf(present) & shape, 0, `${name}: ${present}`);
    assert.equal(shapesOf(absent) & shape, 0, `${name}: ${absent}`);
  }
});

/** The PHI findPhi finds in a text, as CATEGORY:text. */
const found = (text: string): string[] => findPhi(text).map((s: PhiSpan) => `${s.category}:${text.slice(s.start, s.end)}`);

test('the rules behind the shapes still find their PHI', () => {
  assert.deepEqual(found('see https://example.org/a today'), ['URL:https://example.org/a']);
  assert.deepEqual(found('from 10.1.2.3 today'), ['IP:10.1.2.3']);
  assert.deepEqual(found('SSN 123-45-6789.'), ['SSN:123-45-6789']);
  assert.deepEqual(found('call (202) 223-4567 now'), ['PHONE:(202) 223-4567']);
  assert.deepEqual(found('on 2017-08-16 and 3.12.2019'), ['DATE:2017-08-16', 'DATE:3.12.2019']);
  assert.deepEqual(found('in the 1990s'), ['DATE:1990s']);
  assert.deepEqual(found('92 y/o woman'), ['AGE:92']);
  assert.deepEqual(found('policy #rg17 on file'), ['ID:rg17']);
});

test('a scanning rule finds every match of the note, as matchAll does, and anchored rules every dated run', () => {
  // One exec loop serves both kinds of rule (patterns.ts): the scan goes on from each match's end.
  assert.deepEqual(found('mail a.b@x.org, c@y.net or d@z.com'), ['EMAIL:a.b@x.org', 'EMAIL:c@y.net', 'EMAIL:d@z.com']);
  assert.deepEqual(found('policy #rg17, #ab12 and #cd3-4'), ['ID:rg17', 'ID:ab12', 'ID:cd3-4']);
  assert.deepEqual(found('SSN 123-45-6789 or 987-65-4321, not 12-345-6789'), ['SSN:123-45-6789', 'SSN:987-65-4321']);
  assert.deepEqual(found('ring +44 20 7946 0958 or +46 (0)8 555 012 34'), ['PHONE:+44 20 7946 0958', 'PHONE:+46 (0)8 555 012 34']);
  assert.deepEqual(found('seen 3/4/2019, 12/31/19 and 1/2/03'), ['DATE:3/4/2019', 'DATE:12/31/19', 'DATE:1/2/03']);
});

test('long tokens come out of the same scan: 7+ digits standing alone, 17-character vehicle ids', () => {
  const spans: PhiSpan[] = [];
  const text = 'acct 12345678, 1.2345678, VIN 1HGCM82633A004352 and ab1234567';
  scanShapes(text, splitWords(text), spans);
  assert.deepEqual(spans.map((s) => `${s.category}:${text.slice(s.start, s.end)}`), ['ID:12345678', 'VEHICLE:1HGCM82633A004352']);
});
