import { ConflictError, ValidationFailedError } from '@promo/platform';
import type { UploadReport } from './upload-report';

/** 400: invalid lines or duplicates inside the upload; nothing was imported. */
export class UploadInvalidError extends ValidationFailedError {
  constructor(readonly report: UploadReport) {
    super([
      ...report.invalid.map((entry) => ({ field: `line ${entry.line}`, reason: entry.reason, detail: `${JSON.stringify(entry.code)} is not a valid code (${entry.reason})` })),
      ...report.duplicates.map((entry) => ({
        field: `line ${entry.line}`,
        reason: 'duplicate_code',
        detail: entry.conflict.source === 'file' ? `${entry.code} repeats line ${entry.conflict.line}` : `${entry.code} already exists in ${describeStore(entry.conflict)}`,
      })),
    ]);
  }
}

/** 409: every line is valid but some codes already exist in the store; nothing was imported. */
export class UploadConflictError extends ConflictError {
  constructor(readonly report: UploadReport) {
    const first = report.duplicates[0];
    const where = first !== undefined && first.conflict.source === 'store' ? `, e.g. ${first.code} in ${describeStore(first.conflict)}` : '';
    super(`${report.duplicateCount} codes already exist in the store${where}; nothing was imported`, 'duplicate_code');
  }
}

function describeStore(conflict: { readonly promotionId: string; readonly groupId: string | null }): string {
  return conflict.groupId === null ? `promotion ${conflict.promotionId}` : `group ${conflict.groupId} of promotion ${conflict.promotionId}`;
}
