import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findPhi } from '../../src/deid/index.js';

/** category:text of every span of those categories. All numbers below are made up. */
function found(text: string, categories: readonly string[] = ['PHONE', 'FAX']): string[] {
  return findPhi(text).filter((s) => categories.includes(s.category)).map((s) => `${s.category}:${text.slice(s.start, s.end)}`);
}

test('a number before its label in a letterhead or signature is a phone or fax number', () => {
  assert.deepEqual(found('Quill Freight\n28-55-01-23 fax\n0421 555 019 office\n001-518-555-0199 mobile\n'),
    ['FAX:28-55-01-23', 'PHONE:0421 555 019', 'PHONE:001-518-555-0199']);
  assert.deepEqual(found('Reach me on 01632 960 001 (home) after six.'), ['PHONE:01632 960 001']);
});

test('an international fax number after its label', () => {
  assert.deepEqual(found('Desk: (602) 555-0142\nFax: 001-253-555-0123\n'), ['PHONE:(602) 555-0142', 'FAX:001-253-555-0123']);
});

test('not numbers of care before a label word: dates, vitals, doses, counts', () => {
  assert.deepEqual(found('Seen 12-03-2010 office visit. BP 120 80 home readings. Took 2 tablets at home. 3 4 5 6 work days.'), []);
});

test('a number in groups after "call", "ring", "reach me at", "dial"', () => {
  assert.deepEqual(found('Please call 024 871 50 30 after five, or ring 01632 960777. Reach her on 06-12345678; dial 0170 555 0199.'),
    ['PHONE:024 871 50 30', 'PHONE:01632 960777', 'PHONE:06-12345678', 'PHONE:0170 555 0199']);
  // Times, counts and dates after the same words are not.
  assert.deepEqual(found('Will call at 1400 1500. Call back in 2 3 days. Called 2012 10 12. Dial 0 then 9. Ring 120 80.'), []);
});

test('a British number without its label; a schedule of clock times is no card number', () => {
  assert.deepEqual(found('Secretaries 0161 555 7720 or bleep 4419; daughter (01782 555 903).'), ['PHONE:0161 555 7720', 'PHONE:4419', 'PHONE:01782 555 903']);
  assert.deepEqual(found('Meds at 0800 1200 1600 2000 daily; doses 0100 500 mg.', ['PHONE', 'FAX', 'ACCOUNT']), []);
});

test('a payment card\'s number after its name is an account, not a phone number', () => {
  assert.deepEqual(found('The card number: 371449635398431? Her card number is 378282246310005. Visa: 4111111111111111', ['PHONE', 'ACCOUNT']),
    ['ACCOUNT:371449635398431', 'ACCOUNT:378282246310005', 'ACCOUNT:4111111111111111']);
  // Sixteen digits or more after a phone's label are no phone number; a card of a clinic is no payment card.
  assert.deepEqual(found('Her number is 4111 1111 1111 1111 7. Card 12 given at the desk.'), []);
  // After "card" alone a number must pass the Luhn check: a Coombs card's number is no payment card.
  assert.deepEqual(found('Coombs card 1234567890123456; blood type card 0000111122223335.', ['ACCOUNT']), []);
});

test('a number after "messages to", "text me at", "sms"; an IBAN after its label', () => {
  assert.deepEqual(found('Please stop sending messages to 0421 555 01 23 now. Text me at 0170 555 0199 or sms 0421 555 019'),
    ['PHONE:0421 555 01 23', 'PHONE:0170 555 0199', 'PHONE:0421 555 019']);
  // Counts, dates, times and readings after the same words are not numbers to call.
  assert.deepEqual(found('Sent messages to 3 families. Messages to 2 3 4 5 6 7 8 daily. Sms 2023/03/14 reminder. Text me at 0900-1100 hours.'), []);
  assert.deepEqual(found('Refund to IBAN: XK05 1212 0123 4567 8906 and the rest by card; iban qz77abcd12345678901', ['ACCOUNT']),
    ['ACCOUNT:XK05 1212 0123 4567 8906', 'ACCOUNT:qz77abcd12345678901']);
});

test('after a person\'s "#", a number to call; not an extension, a count, a product or an identifier after its label', () => {
  assert.deepEqual(found("Daughter's # 555-4321. Cell # 555-4322."), ['PHONE:555-4321', 'PHONE:555-4322']);
  // Extensions alone are left: "x" and "ext" come before too many quantities and degrees ("UOP x1500 mL", "Knee ext 1200").
  assert.deepEqual(found('Oil immersion x1000; UOP x1500 mL; Heparin x5000 SC; Knee ext 1200; .35 X 2000 ml/hr'), []);
  assert.deepEqual(found('MRN # 555-1234. Rx # 555-1235. Specimen # 123-4567. Gtt @ 5-2000 units. O2 @ 1-2 L.'), []);
});
