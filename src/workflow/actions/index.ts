/**
 * Every write the editorial workflow knows, one file per action. Run one with
 * `runAction(store, action, input, { actor })`; see CONTRIBUTING.md for how to add one.
 */
export { addUser } from './add-user.js';
export { approve } from './approve.js';
export { archive } from './archive.js';
export { cancelSchedule } from './cancel-schedule.js';
export { type ChangeRoleInput, changeRole } from './change-role.js';
export { comment } from './comment.js';
export {
  type ActionContext,
  type ActionEnv,
  type Actor,
  contextFor,
  defaultLintGate,
  type LintGate,
  runAction,
  runInTx,
  type UnauditedAction,
  type WorkflowAction,
} from './context.js';
export { type CreateInput, type CreateResult, create } from './create.js';
export { type AccountLinkInput, createAccountLink } from './create-account-link.js';
export { type CreateConditionInput, createCondition } from './create-condition.js';
export { decideGap, type GapDecisionInput } from './decide-gap.js';
export {
  type ImportContentInput,
  type ImportContentResult,
  importContent,
  unknownCondition,
} from './import-content.js';
export {
  importMedquadAnswer,
  type MedquadAnswerInput,
  type MedquadAnswerResult,
} from './import-medquad-answer.js';
export { type NotifyReviewDueInput, notifyReviewDue } from './notify-review-due.js';
export { publish } from './publish.js';
export { publishScheduled, scheduleFailed } from './publish-scheduled.js';
export { requestChanges } from './request-changes.js';
export { restore } from './restore.js';
export { saveReviewerDetails } from './save-reviewer-details.js';
export { type ReviewerProfileInput, saveReviewerProfile } from './save-reviewer-profile.js';
export { type SaveInput, type SaveResult, saveRevision } from './save-revision.js';
export { type ScheduleInput, schedulePublish } from './schedule-publish.js';
export { setPassword } from './set-password.js';
export { deactivateUser, reactivateUser } from './set-user-active.js';
export { login, loginFailed, logout, type SignInAuditInput } from './sign-in-audit.js';
export { type StaggerInput, staggerReviews } from './stagger-reviews.js';
export { type StartGapDraftInput, startGapDraft } from './start-gap-draft.js';
export { submit } from './submit.js';
export { type TransitionInput, type TransitionResult, transitionAction } from './transition.js';
export { unpublish } from './unpublish.js';
export { useAccountLink } from './use-account-link.js';

import type { Action } from '../transitions.js';
import { approve } from './approve.js';
import { archive } from './archive.js';
import { comment } from './comment.js';
import { publish } from './publish.js';
import { requestChanges } from './request-changes.js';
import { restore } from './restore.js';
import { submit } from './submit.js';
import { unpublish } from './unpublish.js';

/** The state-change action for each row of the transition table (edit is saveRevision). */
export const TRANSITION_ACTIONS = {
  submit,
  request_changes: requestChanges,
  approve,
  publish,
  unpublish,
  archive,
  restore,
  comment,
} as const satisfies Record<Exclude<Action, 'edit'>, unknown>;
