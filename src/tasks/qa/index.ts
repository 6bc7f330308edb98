export { readMedqa, type Question, type ReadReport } from './medqa.js';
export { encodeQuestion, batchQuestions, type QaExample } from './encode.js';
export { QaModel, finetuneQa, type QaScores, type QaFinetuneResult } from './run.js';
