import { ConflictError, ValidationFailedError } from '@promo/platform';
import type { UploadReport } from './upload-report';

/** The upload report as RFC 9457 extension members of the refusal's problem. */
function reportMembers(report: UploadReport): Readonly<Record<string, unknown>> {
  return { ...report };
}

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

  override get extensions(): Readonly<Record<string, unknown>> {
    return reportMembers(this.report);
  }
}

/** 409: every line is valid but some codes already exist in the store; nothing was imported. */
export class UploadConflictError extends ConflictError {
  constructor(readonly report: UploadReport) {
    const first = report.duplicates[0];
    const where = first !== undefined && first.conflict.source === 'store' ? `, e.g. ${first.code} in ${describeStore(first.conflict)}` : '';
    super(`${report.duplicateCount} codes already exist in the store${where}; nothing was imported`, 'duplicate_code');
  }

  override get extensions(): Readonly<Record<string, unknown>> {
    return reportMembers(this.report);
  }
}

function describeStore(conflict: { readonly promotionId: string; readonly groupId: string | null }): string {
  return conflict.groupId === null ? `promotion ${conflict.promotionId}` : `group ${conflict.groupId} of promotion ${conflict.promotionId}`;
}
