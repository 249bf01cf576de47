/**
 * An error whose message is safe and useful to show a user as it is (bad question, bad option,
 * missing token). Anything else is an internal fault: log it, show the user a reference instead.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
