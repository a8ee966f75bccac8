import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from './domain-error';

/**
 * Refuses U+0000 anywhere in a path parameter, query value or body string (or key) with a 400 naming the
 * field and `invalid_character`: Postgres text cannot hold it, so it would otherwise end in a 500 at the
 * first query (found by the HTTP fuzzer on a reservation id). Walks iteratively.
 */
@Injectable()
export class NulCharacterPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const root = metadata.type === 'body' ? '' : (metadata.data ?? '');
    const stack: [unknown, string][] = [[value, root]];
    while (stack.length > 0) {
      const [node, field] = stack.pop() ?? [undefined, ''];
      if (typeof node === 'string') {
        if (node.includes('\u0000')) refuse(field || `(${metadata.type})`);
      } else if (typeof node === 'object' && node !== null) {
        for (const [key, child] of Object.entries(node)) {
          const path = Array.isArray(node) ? `${field}[${key}]` : field === '' ? key : `${field}.${key}`;
          if (key.includes('\u0000')) refuse(path.split('\u0000').join('\\u0000'));
          stack.push([child, path]);
        }
      }
    }
    return value;
  }
}

function refuse(field: string): never {
  throw new ValidationFailedError([{ field, reason: 'invalid_character', detail: 'the NUL character (U+0000) is not allowed' }]);
}
