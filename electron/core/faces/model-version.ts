import { createRequire } from 'node:module';

/** Read from face-api's package.json only: the main thread never loads TensorFlow itself. */
const faceApiVersion = (createRequire(import.meta.url)('@vladmandic/face-api/package.json') as { version: string }).version;

/** Changes whenever a model or the way it is run changes, so re-runs know earlier results are stale. */
export const detectorVersion = `face-api-${faceApiVersion}/ssd_mobilenetv1/pyramid-1`;
/** Embeddings of different models cannot be compared; references record the one that made them. */
export const embeddingVersion = `face-api-${faceApiVersion}/face_recognition_model`;
