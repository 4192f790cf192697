import type * as Tf from '@tensorflow/tfjs';
import { tf } from './tf-runtime';
import type { ScoredRect } from './box-geometry';

/**
 * SSD MobileNetV1 (face-api's WIDER FACE model) run on inputs of any size. face-api pads every input
 * to a square and resizes it to 512x512, and its box decoding copies all 5118 boxes into JavaScript
 * once per candidate pair; here the same weights run fully convolutionally on the tile as given,
 * with batch norm folded into the convolutions (fused conv + bias + relu6 kernels of the wasm
 * backend), and the anchors are laid out for the actual feature-map sizes. On 512x512 inputs the
 * boxes and scores equal face-api's; a pass takes about half the time.
 */

interface ConvWeights {
  filters: Tf.Tensor4D;
  bias: Tf.Tensor1D;
}

interface NetWeights {
  conv0: ConvWeights;
  layers: { depthwise: ConvWeights; pointwise: ConvWeights; stride: 1 | 2 }[];
  extra: ConvWeights[];
  predictors: { box: ConvWeights; cls: ConvWeights }[];
}

/** The parameter tree face-api loads for SsdMobilenetv1 (names as in its weight manifest). */
interface FaceApiSsdParams {
  mobilenetv1: Record<string, { filters: Tf.Tensor4D; batch_norm_offset: Tf.Tensor1D } | { depthwise_conv: DepthwiseParams; pointwise_conv: PointwiseParams }>;
  prediction_layer: Record<string, PointwiseParams | { box_encoding_predictor: LinearParams; class_predictor: LinearParams }>;
}
interface PointwiseParams {
  filters: Tf.Tensor4D;
  batch_norm_offset: Tf.Tensor1D;
}
interface DepthwiseParams {
  filters: Tf.Tensor4D;
  batch_norm_scale: Tf.Tensor1D;
  batch_norm_offset: Tf.Tensor1D;
  batch_norm_mean: Tf.Tensor1D;
  batch_norm_variance: Tf.Tensor1D;
}
interface LinearParams {
  filters: Tf.Tensor4D;
  bias: Tf.Tensor1D;
}

const batchNormEpsilon = 0.0010000000474974513;
const strideTwoLayers = new Set([2, 4, 6, 12]);

export function foldWeights(params: unknown): NetWeights {
  const p = params as FaceApiSsdParams;
  const mobilenet = p.mobilenetv1;
  const prediction = p.prediction_layer;
  const pointwise = (w: PointwiseParams): ConvWeights => ({ filters: w.filters, bias: w.batch_norm_offset });
  const depthwise = (w: DepthwiseParams): ConvWeights => {
    const [filters, bias] = tf.tidy(() => {
      const inv = tf.div(w.batch_norm_scale, tf.sqrt(tf.add(w.batch_norm_variance, batchNormEpsilon)));
      return [tf.mul(w.filters, tf.reshape(inv, [1, 1, -1, 1])), tf.sub(w.batch_norm_offset, tf.mul(w.batch_norm_mean, inv))];
    });
    return { filters: filters as Tf.Tensor4D, bias: bias as Tf.Tensor1D };
  };
  const layers = Array.from({ length: 13 }, (_, i) => {
    const pair = mobilenet[`conv_${i + 1}`] as { depthwise_conv: DepthwiseParams; pointwise_conv: PointwiseParams };
    return { depthwise: depthwise(pair.depthwise_conv), pointwise: pointwise(pair.pointwise_conv), stride: strideTwoLayers.has(i + 1) ? (2 as const) : (1 as const) };
  });
  const extra = Array.from({ length: 8 }, (_, i) => pointwise(prediction[`conv_${i}`] as PointwiseParams));
  const predictors = Array.from({ length: 6 }, (_, i) => {
    const b = prediction[`box_predictor_${i}`] as { box_encoding_predictor: LinearParams; class_predictor: LinearParams };
    return {
      box: { filters: b.box_encoding_predictor.filters, bias: b.box_encoding_predictor.bias },
      cls: { filters: b.class_predictor.filters, bias: b.class_predictor.bias },
    };
  });
  return { conv0: pointwise(mobilenet.conv_0 as PointwiseParams), layers, extra, predictors };
}

/**
 * Anchor sizes (height, width) in input pixels per prediction layer, as the TF object detection API
 * generated them for the 512x512 model: scales 0.2..0.95 of 512, aspect ratios 1, 2, 1/2, 3, 1/3.
 */
const anchorSizes: [number, number][][] = (() => {
  const scales = [0.2, 0.35, 0.5, 0.65, 0.8, 0.95, 1.0];
  const spec: [number, number][][] = [[[0.1, 1], [0.2, 2], [0.2, 0.5]]];
  for (let k = 1; k < 6; k++) {
    const s = scales[k]!;
    spec.push([[s, 1], [Math.sqrt(s * scales[k + 1]!), 1], [s, 2], [s, 0.5], [s, 3], [s, 1 / 3]]);
  }
  return spec.map((layer) => layer.map(([scale, ratio]) => [(scale * 512) / Math.sqrt(ratio), scale * 512 * Math.sqrt(ratio)]));
})();

const conv = (x: Tf.Tensor4D, w: ConvWeights, stride: number, activation?: 'relu6') =>
  tf.fused.conv2d({ x, filter: w.filters, strides: [stride, stride], pad: 'same', bias: w.bias, activation });
const depthwiseConv = (x: Tf.Tensor4D, w: ConvWeights, stride: number) =>
  tf.fused.depthwiseConv2d({ x, filter: w.filters, strides: [stride, stride], pad: 'same', bias: w.bias, activation: 'relu6' });

/** The network halves its grid five times before the layers that find small faces. */
const gridMultiple = 32;

/**
 * Runs the network on one RGB image (height x width x 3 bytes) and returns every box scoring at
 * least `minScore`, in input pixels, before any suppression. The input is padded with neutral grey
 * to a multiple of 32 pixels: with odd sizes TensorFlow's "same" padding shifts a layer's grid by a
 * pixel, which the model never saw in training and which moves small faces' boxes off the face.
 */
export function detectRaw(net: NetWeights, rgb: Uint8Array, width: number, height: number, minScore: number): ScoredRect[] {
  const paddedWidth = Math.ceil(width / gridMultiple) * gridMultiple;
  const paddedHeight = Math.ceil(height / gridMultiple) * gridMultiple;
  const outputs = tf.tidy(() => {
    const input = tf.tensor4d(rgb, [1, height, width, 3], 'int32');
    const normalised = tf.sub(tf.div(tf.cast(input, 'float32'), 127.5), 1) as Tf.Tensor4D;
    let x = tf.pad(normalised, [[0, 0], [0, paddedHeight - height], [0, paddedWidth - width], [0, 0]]);
    x = conv(x, net.conv0, 2, 'relu6');
    let conv11 = x;
    net.layers.forEach((layer, i) => {
      x = depthwiseConv(x, layer.depthwise, layer.stride);
      x = conv(x, layer.pointwise, 1, 'relu6');
      if (i + 1 === 11) conv11 = x;
    });
    const [e0, e1, e2, e3, e4, e5, e6, e7] = net.extra as [ConvWeights, ConvWeights, ConvWeights, ConvWeights, ConvWeights, ConvWeights, ConvWeights, ConvWeights];
    const c1 = conv(conv(x, e0, 1, 'relu6'), e1, 2, 'relu6');
    const c3 = conv(conv(c1, e2, 1, 'relu6'), e3, 2, 'relu6');
    const c5 = conv(conv(c3, e4, 1, 'relu6'), e5, 2, 'relu6');
    const c7 = conv(conv(c5, e6, 1, 'relu6'), e7, 2, 'relu6');
    return [conv11, x, c1, c3, c5, c7].map((feature, k) => ({
      rows: feature.shape[1],
      cols: feature.shape[2],
      box: conv(feature, net.predictors[k]!.box, 1),
      cls: tf.sigmoid(conv(feature, net.predictors[k]!.cls, 1)),
    }));
  });
  const found: ScoredRect[] = [];
  outputs.forEach(({ rows, cols, box, cls }, k) => {
    const deltas = box.dataSync();
    const scores = cls.dataSync();
    box.dispose();
    cls.dispose();
    const sizes = anchorSizes[k]!;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        for (let a = 0; a < sizes.length; a++) {
          const i = (r * cols + c) * sizes.length + a;
          // Class 0 is background, class 1 is face.
          const score = scores[i * 3 + 1]!;
          if (score < minScore) continue;
          const [ah, aw] = sizes[a]!;
          const cy = ((r + 0.5) * paddedHeight) / rows + (deltas[i * 4]! / 10) * ah;
          const cx = ((c + 0.5) * paddedWidth) / cols + (deltas[i * 4 + 1]! / 10) * aw;
          const h = Math.exp(deltas[i * 4 + 2]! / 5) * ah;
          const w = Math.exp(deltas[i * 4 + 3]! / 5) * aw;
          const x0 = Math.max(0, cx - w / 2);
          const y0 = Math.max(0, cy - h / 2);
          const x1 = Math.min(width, cx + w / 2);
          const y1 = Math.min(height, cy + h / 2);
          if (x1 > x0 && y1 > y0) found.push({ x: x0, y: y0, w: x1 - x0, h: y1 - y0, score });
        }
      }
    }
  });
  return found;
}

export type { NetWeights };
