export { Module } from './module.js';
export { Linear, LayerNorm, Embedding, Dropout } from './layers.js';
export { normalInit, BERT_INIT_STD } from './init.js';
export { stateDict, loadStateDict, loadPretrainedWeights, type NamedArray, type PretrainedLoad } from './state-dict.js';
