/**
 * A problem the user caused and can fix (a file that is no xlsx, no Project sheet, a sheet with one of our
 * names): a one-line message naming the file, sheet or cell, and the CLI's exit status 2. Exceptions of any
 * other kind are bugs.
 */
export class UserError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
