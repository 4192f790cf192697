import type { faceCommands } from '../../../shared/contract/faces';
import { detectionSelection } from '../faces/detection-selection';
import { startFaceDetection } from '../faces/detection-service';
import { readFaceSettings, updateFaceSettings } from '../faces/face-settings';
import { addReferenceFromFace, addReferenceFromImage, matchingStatus, removeReference, setFaceMatching } from '../faces/matching-service';
import { startFaceSuggestions } from '../faces/suggestion-service';
import { addManualFace, assignFaces, faceTrack, listFaces, mediaFaces, personAppearances, reviewQueue } from '../faces/tagging-service';
import type { Library } from '../library';
import { resolveMedia } from '../media/media-service';
import type { FeatureHandlers } from './handler-types';

export function faceHandlers(lib: Library): FeatureHandlers<keyof typeof faceCommands> {
  return {
    'faces.detect': (input, ctx) => ({ jobId: startFaceDetection(lib, ctx, detectionSelection(lib, input)).jobId }),
    'faces.list': (query) => listFaces(lib, query),
    'faces.forMedia': ({ media }) => mediaFaces(lib, media),
    'faces.track': ({ face }) => faceTrack(lib, face),
    'faces.assign': ({ faces, to }, ctx) => assignFaces(lib, ctx, faces, to),
    'faces.add': ({ media, box, time, person }, ctx) => addManualFace(lib, ctx, media, box, time, person),
    'faces.queue': () => reviewQueue(lib),
    'faces.ofPerson': ({ person }) => personAppearances(lib, person),
    'faces.suggest': ({ media }, ctx) => ({ jobId: startFaceSuggestions(lib, ctx, media === undefined ? undefined : resolveMedia(lib, media).id).jobId }),
    'faces.settings': () => readFaceSettings(lib),
    'faces.updateSettings': (change, ctx) => updateFaceSettings(lib, ctx, change),
    'people.faceMatching': ({ person }) => matchingStatus(lib, person),
    'people.setFaceMatching': ({ person, allowed }, ctx) => setFaceMatching(lib, ctx, person, allowed),
    'people.addReference': ({ person, face, image }, ctx) =>
      face !== undefined ? addReferenceFromFace(lib, ctx, person, face) : addReferenceFromImage(lib, ctx, person, image!),
    'people.removeReference': ({ reference }, ctx) => removeReference(lib, ctx, reference),
  };
}
