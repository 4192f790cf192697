import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FaceAssignment, FaceInfo } from '../../../../shared/contract/faces';
import type { FaceBox } from '../../../../shared/types';
import { invoke } from '../../lib/api';
import { useCommand } from '../../lib/query';
import { nextOpenFace } from './face-states';
import { readingOrder } from './reading-order';
import { useDecide } from './useDecide';

export interface PickerState {
  face: FaceInfo;
  anchor: HTMLElement;
  text: string;
}

/**
 * The state the face boxes on a media item and the list of its faces share: which face is selected, the
 * person search, keyboard decisions, the video's current time and drawing a missed face.
 */
export function useFaceReview(mediaId: number) {
  const query = useCommand('faces.forMedia', { media: String(mediaId) });
  const data = query.data?.mediaId === mediaId ? query.data : undefined;
  const faces = useMemo(() => readingOrder(data?.faces ?? []), [data]);
  const [selected, setSelected] = useState<number | null>(null);
  const [picker, setPicker] = useState<PickerState | null>(null);
  const [time, setTime] = useState(0);
  const video = useRef<HTMLVideoElement | null>(null);
  const elements = useRef(new Map<number, HTMLElement>());
  const pending = useRef<{ id: number; open: boolean } | null>(null);
  const refetch = query.refetch;
  const decide = useDecide(refetch);
  const [, rerender] = useState(0);

  useEffect(() => {
    setSelected(null);
    setPicker(null);
    setTime(0);
  }, [mediaId]);

  // Focus (or open the search on) a face once its box exists: after a refetch, or after the video reached its time.
  useEffect(() => {
    const want = pending.current;
    const el = want && elements.current.get(want.id);
    const face = want && faces.find((f) => f.id === want.id);
    if (!want || !el || !face) return;
    pending.current = null;
    el.focus();
    if (want.open) setPicker({ face, anchor: el, text: '' });
  });

  const seek = useCallback((t: number) => {
    const v = video.current;
    if (!v) return;
    v.pause();
    v.currentTime = t;
    setTime(t);
  }, []);

  const focusFace = useCallback(
    (face: FaceInfo, open = false) => {
      setSelected(face.id);
      if (face.time !== null) seek(face.time);
      pending.current = { id: face.id, open };
      rerender((n) => n + 1);
    },
    [seek],
  );

  const focusNext = useCallback(
    (fromId: number | null) => {
      const next = nextOpenFace(faces, fromId);
      if (next) focusFace(next);
      else if (fromId !== null) elements.current.get(fromId)?.focus();
    },
    [faces, focusFace],
  );

  const focusNextRef = useRef(focusNext);
  focusNextRef.current = focusNext;

  // N from anywhere in the media view (not while typing) goes to the next face that still needs a decision.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'n' || e.ctrlKey || e.metaKey || e.altKey || picker) return;
      if ((e.target as HTMLElement).closest('input, select, textarea, [contenteditable="true"]')) return;
      e.preventDefault();
      focusNextRef.current(selected);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [picker, selected]);

  const decideAndMove = useCallback(
    async (face: FaceInfo, to: FaceAssignment) => {
      if (!(await decide.run([face.id], to))) return;
      if (to.verdict === 'unreviewed') elements.current.get(face.id)?.focus();
      else focusNext(face.id);
    },
    [decide, focusNext],
  );

  const openPicker = useCallback((face: FaceInfo, anchor: HTMLElement, text = '') => {
    setSelected(face.id);
    setPicker({ face, anchor, text });
  }, []);

  const closePicker = useCallback(
    (decided: boolean) => {
      const face = picker?.face;
      setPicker(null);
      if (!face) return;
      if (decided) focusNext(face.id);
      else pending.current = { id: face.id, open: false };
    },
    [picker, focusNext],
  );

  const addFace = useCallback(
    async (box: FaceBox) => {
      const v = video.current;
      const result = await invoke('faces.add', { media: String(mediaId), box, time: v ? v.currentTime : undefined });
      if (!result.ok) return result.error;
      pending.current = { id: result.value.id, open: true };
      setSelected(result.value.id);
      refetch();
      return null;
    },
    [mediaId, refetch],
  );

  const register = useCallback((id: number, el: HTMLElement | null) => {
    if (el) elements.current.set(id, el);
    else elements.current.delete(id);
  }, []);

  return {
    query,
    data,
    faces,
    selected,
    setSelected,
    picker,
    openPicker,
    closePicker,
    focusFace,
    focusNext,
    decide,
    decideAndMove,
    addFace,
    register,
    video,
    time,
    setTime,
    seek,
  };
}

export type FaceReview = ReturnType<typeof useFaceReview>;
