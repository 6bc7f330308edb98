export { presetConfig, isPresetName, validateConfig, PRESET_NAMES, type BertConfig, type PresetName } from './config.js';
export { countParameters, type ParameterCount } from './param-count.js';
export { BertModel, type EncoderInput } from './bert.js';
export { MlmHead, EntityHead, PredictionTransform } from './heads.js';
export { BertForPretraining, type PretrainBatch, type PretrainOutput } from './pretraining.js';
export { BertForTokenClassification, BertForMultipleChoice } from './classification.js';
