// Worker-thread entry: instantiates the kernels on the shared memory and serves dispatches until stopped.
import { parentPort, workerData } from 'node:worker_threads';
import { instantiate, kernelTable } from './kernel-table.js';
import { workerLoop, type WorkerInit } from './thread-pool.js';

const init = workerData as WorkerInit;
const kernels = kernelTable(instantiate(init.module, init.memory));
workerLoop(init.control, kernels, () => parentPort?.postMessage('ready'));
