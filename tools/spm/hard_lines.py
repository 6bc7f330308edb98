#!/usr/bin/python3
"""Writes hard-Unicode test lines (our own text, raw bytes, one per line) to the file given as argv[1].

Hand-written lines cover Greek, micro signs, full-width forms, ligatures, combining marks, super/subscripts,
odd spaces, emoji, CJK, control characters, very long words, invalid UTF-8 and user-defined symbols;
then seeded random lines mix code points from all planes with stray bytes, so the precompiled charsmap
is exercised far beyond the hand-written cases.
"""
import random, sys

hand = [
    'α-synuclein and β-amyloid; Δ9-THC; γδ T cells; Ω-3 fatty acids; ΣΊΣΥΦΟΣ',
    '5 µg/mL (micro sign) vs 5 μg/mL (Greek mu); 10 µm; µ alone',
    'ＡＢＣ１２３！ ｈｅｌｌｏ\u3000ｗｏｒｌｄ ～ ｶﾀｶﾅ ﾊﾟﾝ',
    'ﬁbrosis ﬂow eﬀect oﬃce ﬅ Æ æ Œ œ ĳ',
    'cafe\u0301 n\u0303 a\u0308\u0304 \u0301alone e\u0301\u0301 A\u030a Å Å',
    'm² x³ 10⁻⁶ H₂O ½ ¼ ¾ ™ ℃ ℉ Ⅻ ⅻ ① ⑳ ㎎ ㎖ ㏄ ℡',
    'nbsp\u00a0here en\u2002em\u2003thin\u2009narrow\u202fideo\u3000zwsp\u200bzwnj\u200czwj\u200d',
    'tab\there  two  spaces   three\u2028ls\u2029ps\ufeffbom\u1680ogham\u200elrm\u200frlm',
    '😀 👍🏽 👨‍👩‍👧 🇺🇸 ❤️ 🫠 🧬 💊',
    '中文医学文本 日本語のテキスト 한국어 텍스트 ｶﾀｶﾅ 漢字',
    'العربية עברית हिन्दी ไทย ქართული',
    'ctl\x01\x02\x03 del\x7f esc\x1b[0m nul\x00here vt\x0b ff\x0c nel\x85 c1\x9f',
    'carriage\rreturn inside',
    '\x01\x02\x03',
    '',
    '   ',
    '\t\t',
    ' leading and trailing spaces ',
    'İstanbul straße ǅ ǆ K Å Ω ﬆ ẞ',
    '𝐀𝐁𝐂 𝒜 𝔄 𝕬 𝟘𝟙𝟚',
    '\u1100\u1161\u11a8 가각',
    'new code points: \U0001FAE0 \U00031350 \u0c5d \U0001E030',
    'literal replacement \ufffd char and lower block \u2581 and <unk> <s> </s>',
    '[CLS] the [MASK] is [SEP] x[CLS]y [CLS][CLS] [cls]',
    'dose 5µg and 10mg/dL; µµµ; mg/dLmg/dL',
    '3.14159 1,000,000 2023-01-01 ０１２ ٣٤٥ ४५',
    'HELLO World MiXeD CaSe ΑΒΓ ДЖЗ',
    'a' * 1200,
    'pneumonoultramicroscopicsilicovolcanoconiosis' * 12,
    '1234567890' * 60,
    ('word ' * 300).strip(),
    '\u0301\u0302\u0303\u0304\u0305',
    '<s> hello </s> <pad> <ctl1> <ctl2>',
    'xxx\u2581\u2581yyy \u2581 \u2581\u2581',
    '(C) (R) ... --- *** ### @@@ ~~~ ```',
    'thalassemia β-thalassaemia HbA₁c ≥ 6.5% ≤ ± ° → ←',
]
lines = [h.encode('utf-8') for h in hand]
lines += [
    b'\xff', b'abc\xc3(def', b'\xe2\x82 truncated', b'\xed\xa0\x80 surrogate', b'\xf4\x90\x80\x80 too big',
    b'\xc0\xaf overlong', b'\x80\x80 lone continuations', b'mixed \xef\xbf\xbd \xff \xfe end', b'end \xf0\x9f\x98',
    b'\xe0\x80\x80 overlong3', b'\xf8\x88\x80\x80\x80 five', b'ok\xc3', b'\xce\xb1\xce',
]

rng = random.Random(20261126)
pools = [
    (0x20, 0x7e), (0xa0, 0x24f), (0x250, 0x52f), (0x1e00, 0x1fff), (0x2000, 0x2bff), (0x3000, 0x30ff),
    (0x3130, 0x33ff), (0x4e00, 0x4eff), (0xac00, 0xacff), (0xf900, 0xfaff), (0xfb00, 0xfdff), (0xfe00, 0xffff),
    (0x1d400, 0x1d7ff), (0x1f000, 0x1faff), (0x0, 0x10ffff), (0x300, 0x36f), (0x1100, 0x11ff),
]
words = ['the', 'patient', 'was', 'given', 'mg', 'of', 'cardiac', 'and', 'protein', 'cells', ' ', '  ', '.']
for _ in range(700):
    parts = []
    for _ in range(rng.randint(1, 20)):
        r = rng.random()
        if r < 0.45:
            parts.append(rng.choice(words).encode())
        elif r < 0.97:
            lo, hi = rng.choice(pools)
            cp = rng.randint(lo, hi)
            if 0xd800 <= cp <= 0xdfff or cp == 0x0a:
                cp = 0x41
            parts.append(chr(cp).encode('utf-8'))
        else:
            b = rng.randint(0x80, 0xff)
            parts.append(bytes([b]))
    lines.append(b''.join(parts))

with open(sys.argv[1], 'wb') as f:
    for line in lines:
        assert b'\n' not in line
        f.write(line + b'\n')
