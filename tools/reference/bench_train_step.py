#!/usr/bin/env python3
"""PyTorch's side of `npm run bench -- train-step`: tokens/s of one full BERT-tiny pretraining step (forward,
backward, AdamW) at the same setting (vocab 8000, 4 layers, hidden 256, 4 heads, FFN 1024, sequence 128,
batch 16, MLM head on the 15% masked positions only), Hugging Face BERT semantics (bert_reference.Bert), fp32.
Run: /usr/bin/python3 tools/reference/bench_train_step.py [--threads N] [--steps N]
"""
import argparse
import json
import os
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(__file__))
from bert_reference import Bert  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    V, H, L, I, S, B = 8000, 256, 4, 1024, 128, 16
    cfg = {"hidden_size": H, "num_attention_heads": 4, "num_hidden_layers": L, "layer_norm_eps": 1e-12}
    w = {"bert.embeddings.word_embeddings.weight": torch.randn(V, H) * 0.02,
         "bert.embeddings.position_embeddings.weight": torch.randn(512, H) * 0.02,
         "bert.embeddings.token_type_embeddings.weight": torch.randn(2, H) * 0.02,
         "bert.embeddings.LayerNorm.weight": torch.ones(H), "bert.embeddings.LayerNorm.bias": torch.zeros(H),
         "cls.predictions.transform.dense.weight": torch.randn(H, H) * 0.02, "cls.predictions.transform.dense.bias": torch.zeros(H),
         "cls.predictions.transform.LayerNorm.weight": torch.ones(H), "cls.predictions.transform.LayerNorm.bias": torch.zeros(H),
         "cls.predictions.bias": torch.zeros(V)}
    for l in range(L):
        p = f"bert.encoder.layer.{l}."
        for n, (o, i) in {"attention.self.query": (H, H), "attention.self.key": (H, H), "attention.self.value": (H, H),
                          "attention.output.dense": (H, H), "intermediate.dense": (I, H), "output.dense": (H, I)}.items():
            w[p + n + ".weight"] = torch.randn(o, i) * 0.02
            w[p + n + ".bias"] = torch.zeros(o)
        for n in ("attention.output.LayerNorm", "output.LayerNorm"):
            w[p + n + ".weight"] = torch.ones(H)
            w[p + n + ".bias"] = torch.zeros(H)
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
        opt.step()
        if s >= a.warmup:
            times.append(time.perf_counter() - t0)
    med = statistics.median(times)
    print(json.dumps({"pytorch": torch.__version__, "threads": a.threads, "step_ms": round(med * 1000, 1),
                      "tokens_per_s": round(B * S / med)}))


if __name__ == "__main__":
    main()
