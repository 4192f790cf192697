import { parentPort } from 'node:worker_threads';
import { toAppError } from '../../../shared/result';
import type { DetectorTask, TaskRequest, TaskResponse } from './detector-protocol';
import { describeFaces } from './face-descriptor';
import { grabFrame } from './frame-grab';
import { scanImage } from './image-scan';
import { openFrame, openPhoto } from './photo-pixels';
import { scanVideo } from './video-scan';

/**
 * A detector thread: one TensorFlow.js wasm engine (single-threaded) with the models loaded once.
 * The pool runs one of these per core and gives each one task at a time.
 */
async function run(task: DetectorTask): Promise<unknown> {
  switch (task.kind) {
    case 'scan-photo': {
      const image = await openPhoto(task.path, task.ext);
      const faces = await scanImage(image, { minFacePx: task.minFacePx, minScore: task.minScore });
      return { width: image.width, height: image.height, faces };
    }
    case 'scan-video':
      return scanVideo(task);
    case 'describe-photo':
      return describeFaces(await openPhoto(task.path, task.ext), task.boxes);
    case 'describe-frame': {
      const frame = await grabFrame(task.path, task.time, task.width, task.height);
      return describeFaces(openFrame(frame, task.width, task.height), task.boxes);
    }
  }
}

const port = parentPort;
if (!port) throw new Error('detector-worker runs only as a worker thread');
port.on('message', (req: TaskRequest) => {
  run(req.task).then(
    (value) => port.postMessage({ id: req.id, ok: true, value } satisfies TaskResponse),
    (err: unknown) => port.postMessage({ id: req.id, ok: false, error: toAppError(err) } satisfies TaskResponse),
  );
});
