#!/usr/bin/env python3
"""PyTorch's side of the GPU checks (tools/gpu/device-check.sh), on the same card as the WebGPU figures:

  python3 tools/gpu/torch_bench.py gemm [--shapes 4096x4096x4096,...] [--min-ms 50]  # fp32 (TF32 off) and TF32 GFLOP/s
  python3 tools/gpu/torch_bench.py train-step --preset tiny|base [--batch 16 --seq 128 --steps 10 --warmup 3]

GEMM: C = A·B in fp32, the mean of a run of products (at least --min-ms, at least 3) between two synchronizations,
median of 3 runs, after a warm-up;
once with TF32 off (true fp32, what the WebGPU kernels compute) and once with TF32 on (PyTorch's fast path).
Train step: tools/reference/bert_reference.Bert (Hugging Face BERT semantics, MLM on 15% of positions, no
dropout), AdamW, the shapes of `npm run bench -- train-step` (tiny: vocab 8000, 4 × 256; base: vocab 32000,
12 × 768), fp32 with TF32 off. Falls back to the CPU (and says so) when CUDA is absent. Prints one JSON line.
"""
import argparse
import json
import math
import os
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "reference"))
from bert_reference import Bert, random_weights  # noqa: E402

# bert_reference asks for deterministic algorithms (fixtures); a speed comparison uses PyTorch's defaults.
torch.use_deterministic_algorithms(False)
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"
PRESETS = {"tiny": dict(V=8000, H=256, L=4, nh=4, I=1024), "base": dict(V=32000, H=768, L=12, nh=12, I=3072)}
DEFAULT_SHAPES = "4096x4096x4096,2048x256x256,2048x1024x256,2048x256x1024,512x512x512,4096x768x768,4096x3072x768,4096x768x3072"


def sync():
    if DEVICE == "cuda":
        torch.cuda.synchronize()


def set_tf32(on):
    torch.backends.cuda.matmul.allow_tf32 = on
    torch.set_float32_matmul_precision("high" if on else "highest")


def gemm(shapes, min_ms):
    rows = []
    for tf32 in (False, True):
        set_tf32(tf32)
        for shape in shapes.split(","):
            m, n, k = map(int, shape.split("x"))
            a = torch.rand(m, k, device=DEVICE) * 2 - 1
            b = torch.rand(k, n, device=DEVICE) * 2 - 1
            c = a @ b
            sync()
            t0 = time.perf_counter()
            torch.matmul(a, b, out=c)
            sync()
            reps = min(1000, max(3, math.ceil(min_ms / 1000 / max(1e-6, time.perf_counter() - t0))))
            times = []
            for _ in range(3):
                t0 = time.perf_counter()
                for _ in range(reps):
                    torch.matmul(a, b, out=c)
                sync()
                times.append((time.perf_counter() - t0) / reps)
            ms = statistics.median(times) * 1000
            rows.append({"shape": shape, "tf32": tf32, "gflops": round(2 * m * n * k / ms / 1e6, 1), "ms": round(ms, 4)})
            print(f"torch {shape} {'tf32' if tf32 else 'fp32'}: {rows[-1]['gflops']} GFLOP/s", file=sys.stderr)
    set_tf32(False)
    return {"gemm-torch": {"device": device_name(), "torch": torch.__version__, "rows": rows}}


def train_step(preset, B, S, steps, warmup):
    set_tf32(False)
    if DEVICE != "cpu":
        torch.set_default_device(DEVICE)
    torch.manual_seed(0)
    p = PRESETS[preset]
    V, H, L, nh, I = p["V"], p["H"], p["L"], p["nh"], p["I"]
    cfg = {"hidden_size": H, "num_attention_heads": nh, "num_hidden_layers": L, "layer_norm_eps": 1e-12}
    w = random_weights(V, H, L, I)
    model = Bert(cfg, w)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
    times = []
    for s in range(warmup + steps):
        ids = torch.randint(5, V, (B, S))
        mask = torch.rand(B * S) < 0.15
        batch = {"batch": B, "seq": S, "input_ids": ids.view(-1).tolist(), "token_type_ids": [0] * (B * S),
                 "attention_mask": [1] * (B * S), "mlm_positions": mask.nonzero().squeeze(1).tolist(),
                 "mlm_labels": ids.view(-1)[mask].tolist(), "entity_starts": [], "entity_ends": [], "entity_labels": []}
        sync()
        t0 = time.perf_counter()
        opt.zero_grad()
        _, _, loss, _ = model(batch)
        loss.backward()
        opt.step()
        loss.item()
        sync()
        if s >= warmup:
            times.append(time.perf_counter() - t0)
    med = statistics.median(times)
    return {"train-step-torch": {"device": device_name(), "torch": torch.__version__, "preset": preset, "batch": B, "seq": S,
                                 "step_ms": round(med * 1000, 2), "tokens_per_s": round(B * S / med)}}


def device_name():
    return torch.cuda.get_device_name(0) if DEVICE == "cuda" else "cpu (no CUDA)"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["gemm", "train-step"])
    ap.add_argument("--shapes", default=DEFAULT_SHAPES)
    ap.add_argument("--min-ms", type=float, default=50)
    ap.add_argument("--preset", default="tiny", choices=sorted(PRESETS))
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--seq", type=int, default=128)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=3)
    a = ap.parse_args()
    out = gemm(a.shapes, a.min_ms) if a.what == "gemm" else train_step(a.preset, a.batch, a.seq, a.steps, a.warmup)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
