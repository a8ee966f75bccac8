import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from './domain-error';

/** A node of the walk; its field path is only spelt out when a NUL is found there. */
interface Visit {
  readonly node: unknown;
  readonly parent: Visit | null;
  readonly key: string;
  readonly inArray: boolean;
}

function pathOf(visit: Visit, root: string): string {
  const keys: Visit[] = [];
  for (let at: Visit | null = visit; at !== null && at.parent !== null; at = at.parent) keys.push(at);
  let path = root;
  for (const step of keys.reverse()) path = step.inArray ? `${path}[${step.key}]` : path === '' ? step.key : `${path}.${step.key}`;
  return path;
}

/**
 * Refuses U+0000 anywhere in a path parameter, query value or body string (or key) with a 400 naming the
 * field and `invalid_character`: Postgres text cannot hold it, so it would otherwise end in a 500 at the
 * first query (found by the HTTP fuzzer on a reservation id). Walks iteratively, and builds no path string
 * unless it refuses (it runs on every request body).
 */
@Injectable()
export class NulCharacterPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const root = metadata.type === 'body' ? '' : (metadata.data ?? '');
    const stack: Visit[] = [{ node: value, parent: null, key: '', inArray: false }];
    while (stack.length > 0) {
      const visit = stack.pop();
      if (visit === undefined) break;
      const { node } = visit;
      if (typeof node === 'string') {
        if (node.includes('\u0000')) refuse(pathOf(visit, root) || `(${metadata.type})`);
      } else if (typeof node === 'object' && node !== null) {
        const inArray = Array.isArray(node);
        for (const key of Object.keys(node)) {
          const child: Visit = { node: (node as Record<string, unknown>)[key], parent: visit, key, inArray };
          if (key.includes('\u0000')) refuse(pathOf(child, root).split('\u0000').join('\\u0000'));
          stack.push(child);
        }
      }
    }
    return value;
  }
}

function refuse(field: string): never {
  throw new ValidationFailedError([{ field, reason: 'invalid_character', detail: 'the NUL character (U+0000) is not allowed' }]);
}
