import { foldWeights, type NetWeights } from './ssd-network';
import { faceapi, initBackend, modelDir } from './tf-runtime';

let detector: Promise<NetWeights> | undefined;
let recogniser: Promise<void> | undefined;

/** The detector's weights, loaded once per thread. */
export function loadDetector(): Promise<NetWeights> {
  detector ??= (async () => {
    await initBackend();
    await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir);
    return foldWeights(faceapi.nets.ssdMobilenetv1.params);
  })();
  return detector;
}

/** Landmarks (to align a face) and the 128-d descriptor network, loaded only when a descriptor is needed. */
export function loadRecogniser(): Promise<void> {
  recogniser ??= (async () => {
    await initBackend();
    await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
    await faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir);
  })();
  return recogniser;
}
