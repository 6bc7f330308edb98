#!/usr/bin/python3
"""Writes training sentences and held-out test lines from ../shared/data (never copied into the repo).

Usage: extract_corpus.py DATA_DIR OUT_DIR
  OUT_DIR/train.txt   sentences for spm_train (abstracts + mtsamples transcriptions)
  OUT_DIR/heldout.txt every 7th sentence, not in train.txt (for parity runs and pieces-per-character)
Sentences: abstract titles/bodies and transcriptions split after '. ' / '.  ' (crude on purpose: the
tokenizer only needs realistic lines).
"""
import csv, gzip, io, json, os, re, sys

data, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
csv.field_size_limit(1 << 30)

def sentences():
    with gzip.open(os.path.join(data, 'corpus/abstracts/abstracts.jsonl.gz'), 'rt', encoding='utf-8') as f:
        for line in f:
            rec = json.loads(line)
            if rec['title']:
                yield rec['title']
            for s in re.split(r'(?<=\.)\s+(?=[A-Z])', rec['abstract']):
                yield s
    with gzip.open(os.path.join(data, 'corpus/mtsamples/mtsamples.csv.gz'), 'rt', encoding='utf-8', newline='') as f:
        for row in csv.DictReader(f):
            for s in re.split(r'(?<=\.)\s+(?=[A-Z])', row['transcription']):
                yield s

with open(os.path.join(out, 'train.txt'), 'w', encoding='utf-8') as train, \
     open(os.path.join(out, 'heldout.txt'), 'w', encoding='utf-8') as held:
    for i, s in enumerate(sentences()):
        s = s.replace('\r', ' ').replace('\n', ' ').strip()
        if not s:
            continue
        (held if i % 7 == 3 else train).write(s + '\n')
