#!/usr/bin/env python3
"""PyTorch reference for medbert's BERT: rebuilds the model with Hugging Face BertModel semantics from a
medbert checkpoint (config.json + model.safetensors) and writes fixtures for a fixed batch: the MLM and entity
logits, both losses, every parameter's gradient, and the losses of the first 5 AdamW steps (clip 1.0).

Needs only PyTorch (Debian: apt-get install -y python3-torch libopenblas0-pthread). Run with /usr/bin/python3:
    /usr/bin/python3 tools/reference/bert_reference.py test/fixtures/reference/bert-tiny
It reads DIR/config.json, DIR/model.safetensors, DIR/batch.json; writes DIR/expected.safetensors and
DIR/expected.json. Fixtures are computed in eval mode, without dropout (dropout masks are medbert's own and are
tested separately); the train-step benchmark trains with it, at Hugging Face's places, through the config's
hidden_dropout_prob and attention_probs_dropout_prob.
"""
import json
import math
import struct
import sys

import torch

torch.set_default_dtype(torch.float32)
torch.use_deterministic_algorithms(True)


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    out = {}
    for name, e in header.items():
        if name == "__metadata__":
            continue
        assert e["dtype"] == "F32", e
        b, end = e["data_offsets"]
        t = torch.frombuffer(bytearray(raw[8 + n + b:8 + n + end]), dtype=torch.float32)
        out[name] = t.reshape(e["shape"]).clone()
    return out


def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        t = tensors[name].detach().to(torch.float32).contiguous()
        data = t.numpy().tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    h = json.dumps(header).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def random_weights(V, H, L, I, positions=512):
    """BERT weights in Hugging Face names, initialised as medbert does (normal(0.02), LayerNorm 1/0), for benchmarks."""
    w = {"bert.embeddings.word_embeddings.weight": torch.randn(V, H) * 0.02,
         "bert.embeddings.position_embeddings.weight": torch.randn(positions, H) * 0.02,
         "bert.embeddings.token_type_embeddings.weight": torch.randn(2, H) * 0.02,
         "bert.embeddings.LayerNorm.weight": torch.ones(H), "bert.embeddings.LayerNorm.bias": torch.zeros(H),
         "cls.predictions.transform.dense.weight": torch.randn(H, H) * 0.02, "cls.predictions.transform.dense.bias": torch.zeros(H),
         "cls.predictions.transform.LayerNorm.weight": torch.ones(H), "cls.predictions.transform.LayerNorm.bias": torch.zeros(H),
         "cls.predictions.bias": torch.zeros(V)}
    for layer in range(L):
        pre = f"bert.encoder.layer.{layer}."
        for name, (o, i) in {"attention.self.query": (H, H), "attention.self.key": (H, H), "attention.self.value": (H, H),
                             "attention.output.dense": (H, H), "intermediate.dense": (I, H), "output.dense": (H, I)}.items():
            w[pre + name + ".weight"] = torch.randn(o, i) * 0.02
            w[pre + name + ".bias"] = torch.zeros(o)
        for name in ("attention.output.LayerNorm", "output.LayerNorm"):
            w[pre + name + ".weight"] = torch.ones(H)
            w[pre + name + ".bias"] = torch.zeros(H)
    return w


class Bert(torch.nn.Module):
    """Hugging Face BertForPreTraining's computation, parameters keyed by their HF names; dropout (off unless
    the config sets it) only in training mode."""

    def __init__(self, cfg, weights):
        super().__init__()
        self.cfg = cfg
        self.p = torch.nn.ParameterDict({k.replace(".", "__"): torch.nn.Parameter(v) for k, v in weights.items()})

    def w(self, name):
        return self.p[name.replace(".", "__")]

    def linear(self, x, name):
        return x @ self.w(name + ".weight").T + self.w(name + ".bias")

    def drop(self, x, key):
        return torch.nn.functional.dropout(x, self.cfg.get(key, 0.0), self.training)

    def ln(self, x, name):
        return torch.nn.functional.layer_norm(x, (x.shape[-1],), self.w(name + ".weight"), self.w(name + ".bias"),
                                              self.cfg["layer_norm_eps"])

    def encoder(self, ids, types, mask):
        cfg = self.cfg
        B, S = ids.shape
        H, nh = cfg["hidden_size"], cfg["num_attention_heads"]
        d = H // nh
        pos = torch.arange(S).unsqueeze(0).expand(B, S)
        e = "bert.embeddings."
        x = self.w(e + "word_embeddings.weight")[ids] + self.w(e + "token_type_embeddings.weight")[types] \
            + self.w(e + "position_embeddings.weight")[pos]
        x = self.drop(self.ln(x, e + "LayerNorm"), "hidden_dropout_prob")
        ext = (1.0 - mask[:, None, None, :].to(torch.float32)) * torch.finfo(torch.float32).min
        for i in range(cfg["num_hidden_layers"]):
            L = f"bert.encoder.layer.{i}."
            split = lambda t: t.view(B, S, nh, d).permute(0, 2, 1, 3)
            q = split(self.linear(x, L + "attention.self.query"))
            k = split(self.linear(x, L + "attention.self.key"))
            v = split(self.linear(x, L + "attention.self.value"))
            scores = q @ k.transpose(-1, -2) / math.sqrt(d) + ext
            probs = self.drop(torch.softmax(scores, dim=-1), "attention_probs_dropout_prob")
            ctx = (probs @ v).permute(0, 2, 1, 3).reshape(B, S, H)
            a = self.ln(self.drop(self.linear(ctx, L + "attention.output.dense"), "hidden_dropout_prob") + x,
                        L + "attention.output.LayerNorm")
            h = torch.nn.functional.gelu(self.linear(a, L + "intermediate.dense"))
            x = self.ln(self.drop(self.linear(h, L + "output.dense"), "hidden_dropout_prob") + a, L + "output.LayerNorm")
        return x

    def transform(self, x, prefix):
        return self.ln(torch.nn.functional.gelu(self.linear(x, prefix + ".dense")), prefix + ".LayerNorm")

    def forward(self, batch):
        B, S = batch["batch"], batch["seq"]
        ids = torch.tensor(batch["input_ids"]).view(B, S)
        types = torch.tensor(batch["token_type_ids"]).view(B, S)
        mask = torch.tensor(batch["attention_mask"]).view(B, S)
        hidden = self.encoder(ids, types, mask).reshape(B * S, -1)
        rows = hidden[torch.tensor(batch["mlm_positions"])]
        mlm_logits = self.transform(rows, "cls.predictions.transform") @ self.w("bert.embeddings.word_embeddings.weight").T \
            + self.w("cls.predictions.bias")
        mlm_loss = torch.nn.functional.cross_entropy(mlm_logits, torch.tensor(batch["mlm_labels"]), ignore_index=-100)
        if not batch["entity_starts"]:  # MLM only (the train-step benchmark)
            return mlm_logits, None, mlm_loss, None
        spans = torch.stack([hidden[s:e].mean(dim=0) for s, e in zip(batch["entity_starts"], batch["entity_ends"])])
        ent_logits = self.linear(self.transform(spans, "entity.transform"), "entity.decoder")
        ent_loss = torch.nn.functional.cross_entropy(ent_logits, torch.tensor(batch["entity_labels"]))
        return mlm_logits, ent_logits, mlm_loss, ent_loss


def main(folder):
    cfg = json.load(open(f"{folder}/config.json"))
    batch = json.load(open(f"{folder}/batch.json"))
    weights = read_safetensors(f"{folder}/model.safetensors")
    model = Bert(cfg, weights).eval()  # fixtures: no dropout, whatever the config says
    lam = batch["entity_weight"]
    mlm_logits, ent_logits, mlm_loss, ent_loss = model(batch)
    loss = mlm_loss + lam * ent_loss
    loss.backward()
    out = {"mlm_logits": mlm_logits, "entity_logits": ent_logits}
    for key, p in model.p.items():
        if p.grad is not None:  # the pooler takes no part in pretraining
            out["grad." + key.replace("__", ".")] = p.grad
    expected = {"loss": loss.item(), "mlm_loss": mlm_loss.item(), "entity_loss": ent_loss.item()}

    # The first AdamW steps: fresh model, PyTorch AdamW, no decay on biases and LayerNorm, clip at 1.0.
    opt_cfg = batch["adamw"]
    model = Bert(cfg, read_safetensors(f"{folder}/model.safetensors")).eval()
    no_decay = lambda n: n.endswith(".bias") or "LayerNorm" in n
    named = [(k.replace("__", "."), p) for k, p in model.p.items()]
    opt = torch.optim.AdamW([
        {"params": [p for n, p in named if not no_decay(n)], "weight_decay": opt_cfg["weight_decay"]},
        {"params": [p for n, p in named if no_decay(n)], "weight_decay": 0.0},
    ], lr=opt_cfg["lr"], betas=(0.9, 0.999), eps=1e-8)
    losses, norms = [], []
    for _ in range(opt_cfg["steps"]):
        opt.zero_grad()
        _, _, m, e = model(batch)
        l = m + lam * e
        l.backward()
        norms.append(torch.nn.utils.clip_grad_norm_(model.parameters(), opt_cfg["clip"]).item())
        opt.step()
        losses.append(l.item())
    expected["adamw_losses"] = losses
    expected["adamw_grad_norms"] = norms
    expected["torch_version"] = torch.__version__
    write_safetensors(f"{folder}/expected.safetensors", out)
    with open(f"{folder}/expected.json", "w") as f:
        json.dump(expected, f, indent=2)
        f.write("\n")
    print(json.dumps(expected))


if __name__ == "__main__":
    main(sys.argv[1])
