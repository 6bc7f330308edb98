#!/bin/sh
# Regenerates the committed SentencePiece fixtures in tools/spm/fixtures/ with Google's tools
# (Debian: apt-get install -y sentencepiece python3-sentencepiece; 0.1.97 was used).
#   sh tools/spm/make_fixtures.sh [DATA_DIR=../shared/data] [WORK_DIR=/tmp/medbert-spm]
# Models are trained on sentences of the shared corpus (extract_corpus.py, kept in WORK_DIR, never committed);
# the expected outputs are for our own hard-Unicode lines (hard_lines.py). Parity on corpus lines is checked
# at test time by running spm_encode (test/tokenizer/parity-corpus.test.ts).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${1:-$HERE/../../../shared/data}
WORK=${2:-/tmp/medbert-spm}
OUT=$HERE/fixtures
mkdir -p "$WORK" "$OUT"
/usr/bin/python3 "$HERE/extract_corpus.py" "$DATA" "$WORK"
/usr/bin/python3 "$HERE/hard_lines.py" "$OUT/hard.txt"

train() {
  name=$1; shift
  spm_train --input="$WORK/train.txt" --model_prefix="$WORK/$name" --model_type=unigram --num_threads=2 \
    --input_sentence_size=30000 --shuffle_input_sentence=true --random_seed=7 --minloglevel=2 "$@"
}
# Settings (the charsmap of an NFKC-family model is ~240 KB, so vocabularies stay small and files are gzipped):
train nmt      --vocab_size=2000
train identity --vocab_size=1500 --normalization_rule_name=identity
train bytefb   --vocab_size=1000 --byte_fallback=true --character_coverage=0.995
train uds      --vocab_size=1000 --normalization_rule_name=nfkc \
  --user_defined_symbols='[CLS],[SEP],[MASK],µg,mg/dL' --control_symbols='<ctl1>,<ctl2>'
train nodummy  --vocab_size=1000 --normalization_rule_name=identity --add_dummy_prefix=false \
  --remove_extra_whitespaces=false
train digits   --vocab_size=1000 --normalization_rule_name=identity --split_digits=true \
  --pad_id=0 --unk_id=1 --bos_id=2 --eos_id=3 --treat_whitespace_as_suffix=true

for name in nmt identity bytefb uds nodummy digits; do
  m="$WORK/$name.model"
  gzip -9n < "$m" > "$OUT/$name.model.gz"
  spm_encode --model="$m" --output_format=id < "$OUT/hard.txt" > "$WORK/$name.ids"
  spm_encode --model="$m" --output_format=piece < "$OUT/hard.txt" > "$WORK/$name.pieces"
  spm_decode --model="$m" --input_format=id < "$WORK/$name.ids" > "$WORK/$name.decoded"
  spm_decode --model="$m" --input_format=piece < "$WORK/$name.pieces" > "$WORK/$name.pdecoded"
  /usr/bin/python3 "$HERE/offsets.py" "$m" "$OUT/hard.txt" > "$WORK/$name.offsets"
  for kind in ids pieces decoded pdecoded offsets; do gzip -9n < "$WORK/$name.$kind" > "$OUT/$name.$kind.gz"; done
done
du -ch "$OUT" | tail -1
