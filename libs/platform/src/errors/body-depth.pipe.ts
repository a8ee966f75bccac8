import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from './domain-error';

/** Deeper than any document we accept; deep enough to stop recursive validation from overflowing the stack. */
export const MAX_BODY_DEPTH = 32;

/**
 * Refuses a request body nested deeper than MAX_BODY_DEPTH with a 400 naming `(body)` and `too_deep`,
 * before class-transformer/class-validator recurse into it (a 3,000-deep array otherwise ends in a 500:
 * found by the HTTP fuzzer). Walks iteratively, so the check itself cannot overflow.
 */
@Injectable()
export class BodyDepthPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' || typeof value !== 'object' || value === null) return value;
    const stack: [unknown, number][] = [[value, 1]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop() ?? [undefined, 0];
      if (typeof node !== 'object' || node === null) continue;
      if (depth > MAX_BODY_DEPTH) {
        throw new ValidationFailedError([{ field: '(body)', reason: 'too_deep', detail: `the body is nested deeper than ${MAX_BODY_DEPTH} levels` }]);
      }
      for (const child of Object.values(node)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
    return value;
  }
}
