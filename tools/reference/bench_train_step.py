#!/usr/bin/env python3
"""PyTorch's side of `npm run bench -- train-step`: tokens/s of one full BERT-tiny pretraining step (forward,
backward, AdamW) at the same setting (vocab 8000, 4 layers, hidden 256, 4 heads, FFN 1024, sequence 128,
batch 16, MLM head on the 15% masked positions only), Hugging Face BERT semantics (bert_reference.Bert), fp32,
in training mode as medbert's benchmark runs it: dropout 0.1 on the hidden states and attention probabilities
(BERT's rates, medbert's presets) and the global gradient norm clipped at 1.0 before AdamW (the recipe's).
Run: /usr/bin/python3 tools/reference/bench_train_step.py [--threads N] [--steps N] [--dropout P] [--clip C]
"""
import argparse
import json
import os
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(__file__))
from bert_reference import Bert, random_weights  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--dropout", type=float, default=0.1, help="hidden and attention dropout (0: none)")
    ap.add_argument("--clip", type=float, default=1.0, help="clip the global gradient norm (0: no clipping)")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    V, H, L, I, S, B = 8000, 256, 4, 1024, 128, 16
    cfg = {"hidden_size": H, "num_attention_heads": 4, "num_hidden_layers": L, "layer_norm_eps": 1e-12,
           "hidden_dropout_prob": a.dropout, "attention_probs_dropout_prob": a.dropout}
    w = random_weights(V, H, L, I)
    model = Bert(cfg, w)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
    times = []
    for s in range(a.warmup + a.steps):
        ids = torch.randint(5, V, (B, S))
        mask = torch.rand(B * S) < 0.15
        positions = mask.nonzero().squeeze(1).tolist()
        batch = {"batch": B, "seq": S, "input_ids": ids.view(-1).tolist(), "token_type_ids": [0] * (B * S),
                 "attention_mask": [1] * (B * S), "mlm_positions": positions,
                 "mlm_labels": ids.view(-1)[mask].tolist(), "entity_starts": [], "entity_ends": [], "entity_labels": []}
        t0 = time.perf_counter()
        opt.zero_grad()
        _, _, mlm_loss, _ = model(batch)
        mlm_loss.backward()
        if a.clip > 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), a.clip)
        opt.step()
        if s >= a.warmup:
            times.append(time.perf_counter() - t0)
    med = statistics.median(times)
    print(json.dumps({"pytorch": torch.__version__, "threads": a.threads, "dropout": a.dropout, "clip": a.clip,
                      "step_ms": round(med * 1000, 1),
                      "tokens_per_s": round(B * S / med)}))


if __name__ == "__main__":
    main()
