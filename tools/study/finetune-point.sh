#!/usr/bin/env bash
# One point of the pretraining study (BENCHMARKS.md, "Does pretraining pay?"): held-out MLM loss of a
# pretraining checkpoint, then the same fine-tuning budget on BC5CDR NER and MedQA (4 options) from it.
#   tools/study/finetune-point.sh LABEL CHECKPOINT_DIR [STUDY_DIR]
# Results: STUDY_DIR/results/LABEL/{mlm,ner,qa}.json (+ logs). MEDBERT overrides the CLI (default bin/medbert.js).
set -euo pipefail
label=$1 checkpoint=$2 study=${3:-runs/study}
medbert=${MEDBERT:-bin/medbert.js}
data=${DATA:-../shared/data}
out=$study/results/$label
mkdir -p "$out"
# MedQA's development questions (5 options) pick the best epoch; the first 300 keep that affordable.
head -n 300 "$data/medqa/us_5options/dev.jsonl" > "$study/medqa-dev-300.jsonl"
# Fine-tuning reads and writes no pretraining state: each point writes its own fine-tuned checkpoints.
node "$medbert" eval mlm --checkpoint "$checkpoint" --data "$study/heldout" --json > "$out/mlm.json" 2> "$out/mlm.log"
/usr/bin/time -v node "$medbert" finetune ner --checkpoint "$checkpoint" \
  --train "$data/bc5cdr/pubtator/CDR_TrainingSet.PubTator.txt" --dev "$data/bc5cdr/pubtator/CDR_DevelopmentSet.PubTator.txt" \
  --test "$data/bc5cdr/pubtator/CDR_TestSet.PubTator.txt" --out "$out/ner-model" \
  --epochs 2 --lr 1e-3 --batch 32 --seed 42 --json > "$out/ner.json" 2> "$out/ner.log"
/usr/bin/time -v node "$medbert" finetune qa --checkpoint "$checkpoint" \
  --train "$data/medqa/us_4options/train_subset_1030.jsonl" --dev "$study/medqa-dev-300.jsonl" \
  --test "$data/medqa/us_4options/test.jsonl" --out "$out/qa-model" \
  --epochs 2 --lr 1e-4 --batch 8 --max-length 128 --seed 42 --json > "$out/qa.json" 2> "$out/qa.log"
rm -rf "$out/ner-model" "$out/qa-model"
tail -n 1 "$out/mlm.json" "$out/ner.json" "$out/qa.json"
