// The assistant's domain errors, each with its shared error code (sockets ack them,
// REST renders them as problem+json).
import { maxChatMessageChars } from '@gpu/shared';
import { AppError } from '../../platform/errors.js';

export const messageTooLong = (length: number) =>
  new AppError(400, 'message_too_long', `Message is ${length} characters; the limit is ${maxChatMessageChars}`, [
    { path: 'message', message: `at most ${maxChatMessageChars} characters` },
  ]);

export const generationInProgress = () =>
  new AppError(409, 'generation_in_progress', 'An answer is still being written; wait for it or stop it first');

export const tokenBudgetExceeded = (budget: number) =>
  new AppError(
    429,
    'token_budget_exceeded',
    `Daily assistant budget of ${budget} tokens used up; try again tomorrow`,
    undefined,
    {
      'Retry-After': String(secondsToUtcMidnight()),
    },
  );

export const streamExpired = () =>
  new AppError(404, 'not_found', 'This answer can no longer be resumed; reload the conversation');

function secondsToUtcMidnight(now = new Date()): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
}
