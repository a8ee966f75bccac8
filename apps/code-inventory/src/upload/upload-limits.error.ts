import { DomainError, ValidationFailedError } from '@promo/platform';

/** What one upload may hold: bytes of its body and lines (physical lines, blank ones included). */
export interface UploadLimits {
  readonly maxBytes: number;
  readonly maxLines: number;
}

/** 413: the body is over UPLOAD_MAX_BYTES; nothing was imported. */
export class UploadTooLargeError extends DomainError {
  readonly status = 413;
  readonly reason = 'upload_too_large';

  constructor(maxBytes: number) {
    super(`the upload is larger than the cap of ${maxBytes} bytes (UPLOAD_MAX_BYTES); nothing was imported`);
  }
}

/** 400 naming the first line over UPLOAD_MAX_LINES; nothing was imported. */
export class UploadTooManyLinesError extends ValidationFailedError {
  constructor(line: number, maxLines: number) {
    super([{ field: `line ${line}`, reason: 'too_many_lines', detail: `the upload has more than the cap of ${maxLines} lines (UPLOAD_MAX_LINES); nothing was imported` }]);
  }
}
