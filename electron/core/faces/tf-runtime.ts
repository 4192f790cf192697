import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as FaceApi from '@vladmandic/face-api/dist/face-api.node-wasm.js';
import type * as Tf from '@tensorflow/tfjs';

/**
 * TensorFlow.js on its WebAssembly backend, and face-api's build for it. The packages' default
 * entries need tfjs-node, a native binary whose install downloads from outside npm; the wasm build
 * runs everywhere Node does. They are CommonJS, loaded with require so that face-api and this code
 * share one tfjs engine in every way the core runs (tsx, vitest, a worker, the Electron bundle).
 */
const load = createRequire(import.meta.url);

export const tf = load('@tensorflow/tfjs') as typeof Tf;
export const faceapi = load('@vladmandic/face-api/dist/face-api.node-wasm.js') as typeof FaceApi;
const wasmBackend = load('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(prefix: string): void };

/** Model files ship inside the face-api package; nothing is ever fetched from a model hub. */
export const modelDir = join(dirname(load.resolve('@vladmandic/face-api/package.json')), 'model');

let ready: Promise<void> | undefined;

export function initBackend(): Promise<void> {
  ready ??= (async () => {
    const wasmFile = load.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
    wasmBackend.setWasmPaths(`${dirname(wasmFile)}/`);
    await tf.setBackend('wasm');
    await tf.ready();
  })();
  return ready;
}
