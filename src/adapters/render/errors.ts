import { AppError } from '../../lib/errors.js';

/** A template or view model that cannot make a valid message: a bug to fix, never a user error. */
export class RenderError extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('RENDER_FAILED', message, 500, details);
    this.name = 'RenderError';
  }
}
