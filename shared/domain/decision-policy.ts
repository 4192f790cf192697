/**
 * The admin's publication policy. The defaults follow rule 7 of the protocol, "when in doubt, do not publish";
 * only `unknownRightsOnInternalChannels` defaults to the lenient side (see there).
 */
export interface DecisionPolicy {
  /** Each side of a face box is grown by this share of the box's size before it is blurred. */
  blurMargin: number;
  /**
   * A face without consent whose box covers more than this share of the frame is not blurred but blocks the media:
   * a close-up with a blurred face still shows the person (hair, clothes, setting) and is no longer a usable picture.
   */
  maxBlurShare: number;
  /** Faces nobody reviewed yet (and faces tagged with a person missing from the library). */
  unresolvedFaces: 'block' | 'blur';
  /** Faces whose recognised person a reviewer has not confirmed yet. */
  suggestedFaces: 'block' | 'blur';
  /** When the publishing identity lists its official channels, only those may be used (rule 13). */
  requireOfficialChannel: boolean;
  /**
   * Media whose rights nobody recorded, on internal channels (newsletter, parent portal). External and social
   * channels always block them (rule 6); internally the school's own photos are the common case, so they pass
   * unless the admin wants the stricter reading.
   */
  unknownRightsOnInternalChannels: 'allow' | 'block';
  /** Sound that is not the school's own: block the video, or publish it without its audio track. */
  audioWithoutRights: 'block' | 'remove';
}

export const defaultDecisionPolicy: Readonly<DecisionPolicy> = Object.freeze({
  blurMargin: 0.3,
  maxBlurShare: 0.25,
  unresolvedFaces: 'block',
  suggestedFaces: 'block',
  requireOfficialChannel: true,
  unknownRightsOnInternalChannels: 'allow',
  audioWithoutRights: 'block',
});
