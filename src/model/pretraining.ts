import { Module } from '../nn/index.js';
import {
  add, matmul, scale, softmaxCrossEntropy, type Engine, type Rng, type Tensor,
} from '../tensor/index.js';
import { BertModel, type EncoderInput } from './bert.js';
import type { BertConfig } from './config.js';
import { Group } from './group.js';
import { EntityHead, MlmHead } from './heads.js';
import { outputRows, pickRows } from './output-rows.js';

/** A pretraining batch: the encoder input plus the masked positions' labels and the masked entity spans. */
export interface PretrainBatch extends EncoderInput {
  /** Flat positions (b·seq + i) of masked tokens, and the original token ids there. */
  readonly mlmPositions: Int32Array;
  readonly mlmLabels: Int32Array;
  /** Masked entity spans as flat [start, end) positions, and each span's concept index. */
  readonly entityStarts: Int32Array;
  readonly entityEnds: Int32Array;
  readonly entityLabels: Int32Array;
}

export interface PretrainOutput {
  /** mlm + λ·entity */
  readonly loss: Tensor;
  readonly mlmLoss: Tensor;
  /** Null when the batch has no masked entity span or the model has no entity head. */
  readonly entityLoss: Tensor | null;
  /** [masked positions, vocab] and [masked spans, concepts]: intermediates, released by backward unless kept. */
  readonly mlmLogits: Tensor;
  readonly entityLogits: Tensor | null;
}

/**
 * MedBERT's pretraining model: the encoder (`bert.*`), the MLM head (`cls.predictions.*`, decoder tied to the
 * word embeddings) and, when the configuration names concepts, the entity-prediction head (`entity.*`).
 */
export class BertForPretraining extends Module {
  readonly bert: BertModel;
  readonly mlm: MlmHead;
  readonly entity: EntityHead | null;

  constructor(engine: Engine, readonly config: BertConfig, init: Rng, dropoutRng: Rng) {
    super(engine);
    this.bert = this.child('bert', new BertModel(engine, config, init, dropoutRng));
    const cls = this.child('cls', new Group(engine));
    this.mlm = cls.add('predictions', new MlmHead(engine, config, init, this.bert.embeddings.word.weight));
    this.entity = config.num_entity_concepts > 0 ? this.child('entity', new EntityHead(engine, config, init)) : null;
  }

  /**
   * `trainEntity` false computes the entity loss for the record only, without recording its graph: a branch
   * that backward never visits would otherwise hold its saved tensors until the end of the run.
   */
  forward(batch: PretrainBatch, entityWeight = 1, trainEntity = true): PretrainOutput {
    const entity = batch.entityLabels.length > 0 ? this.entity : null;
    const spanPositions = entity !== null ? entityPositions(batch) : new Int32Array(0);
    // Only the heads' rows leave the last layer (output-rows.ts).
    const wanted = outputRows(batch.mlmPositions, spanPositions);
    const hidden = this.bert.forward(batch, wanted.rows);
    const masked = batch.mlmPositions.length;
    const mlmLogits = this.mlm.forward(pickRows(hidden, wanted, 0, masked));
    const mlmLoss = softmaxCrossEntropy(mlmLogits, batch.mlmLabels);
    let entityLoss: Tensor | null = null, entityLogits: Tensor | null = null;
    if (entity !== null) {
      const spanRows = wanted.index.subarray(masked);
      const branch = (): [Tensor, Tensor] => {
        const logits = entity.forward(matmul(spanMeanMatrix(this.engine, batch, spanRows, hidden.shape[0]!), hidden));
        return [logits, softmaxCrossEntropy(logits, batch.entityLabels)];
      };
      [entityLogits, entityLoss] = trainEntity ? branch() : this.engine.noGrad(branch);
    }
    const loss = entityLoss === null || entityWeight === 0 ? mlmLoss : add(mlmLoss, scale(entityLoss, entityWeight));
    return { loss, mlmLoss, entityLoss, mlmLogits, entityLogits };
  }
}

/** Every position of every masked entity span, span after span. */
function entityPositions(batch: PretrainBatch): Int32Array {
  const n = batch.batch * batch.seq, out: number[] = [];
  batch.entityLabels.forEach((_, s) => {
    const start = batch.entityStarts[s]!, end = batch.entityEnds[s]!;
    if (!(start >= 0 && end > start && end <= n)) throw new Error(`entity span ${s} [${start}, ${end}) is outside the batch's ${n} positions`);
    for (let p = start; p < end; p++) out.push(p);
  });
  return Int32Array.from(out);
}

/**
 * [spans, rows] with 1/length over each span's rows of the hidden states (`spanRows`: the rows of the
 * positions `entityPositions` listed): times the hidden states, the span means.
 */
function spanMeanMatrix(engine: Engine, batch: PretrainBatch, spanRows: Int32Array, rows: number): Tensor {
  const spans = batch.entityLabels.length, values = new Float32Array(spans * rows);
  let at = 0;
  for (let s = 0; s < spans; s++) {
    const length = batch.entityEnds[s]! - batch.entityStarts[s]!;
    for (let p = 0; p < length; p++) values[s * rows + spanRows[at++]!] = 1 / length;
  }
  return engine.fromArray(values, [spans, rows]);
}
