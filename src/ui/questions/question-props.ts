import type { Dispatch } from 'react';
import type { Step } from '../../wizard/flow.js';
import type { WizardAction, WizardState } from '../../wizard/reducer.js';

export interface QuestionProps {
  step: Step;
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  /** Rows the question may use. */
  rows: number;
}
