import { useState } from 'react';
import type { RecommendationView } from '../api/types';
import { useApp } from '../app-context';
import { formErrors, NO_ERRORS, type FormErrors } from '../ui/form-errors';

export type RecommendationDone = (recommendation: RecommendationView) => void;

/**
 * Posts (or, for `edit`, patches) one step of a recommendation and keeps its errors: beside the
 * fields the API names, above the form otherwise.
 */
export function useRecommendationStep(
  id: string,
  step: 'edit' | 'submit' | 'signoff' | 'receipt' | 'reply',
  isField: (path: string) => boolean,
  onDone: RecommendationDone,
  /** How a refusal becomes the form's errors, where a step's messages need reading otherwise. */
  toErrors: (error: unknown) => FormErrors = (error) => formErrors(error, isField),
) {
  const { api } = useApp();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  async function send(body: unknown): Promise<boolean> {
    setBusy(true);
    setErrors(NO_ERRORS);
    const path = `/recommendations/${encodeURIComponent(id)}`;
    try {
      onDone(await (step === 'edit' ? api.patch<RecommendationView>(path, body) : api.post<RecommendationView>(`${path}/${step}`, body)));
      return true;
    } catch (error) {
      setErrors(toErrors(error));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { errors, busy, send };
}
