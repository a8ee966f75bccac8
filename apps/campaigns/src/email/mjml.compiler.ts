import { Injectable } from '@nestjs/common';
import mjml2html from 'mjml';

/** Compiled layouts kept; one per distinct template, so the bound only guards against growth. */
const COMPILED_KEPT = 500;

/**
 * MJML to responsive HTML (#25). Compiling takes tens of milliseconds, so each distinct source is
 * compiled once and its HTML (still Liquid, filled per email) kept by source.
 */
@Injectable()
export class MjmlCompiler {
  private readonly compiled = new Map<string, Promise<string>>();

  compile(source: string): Promise<string> {
    const known = this.compiled.get(source);
    if (known) return known;
    // mj-include is ignored: a campaign's template must not read the disk.
    const compiling = mjml2html(source, { validationLevel: 'soft', ignoreIncludes: true, keepComments: false }).then((result) => result.html);
    if (this.compiled.size >= COMPILED_KEPT) this.compiled.clear();
    this.compiled.set(source, compiling);
    // A failed compile is not kept: the next email tries again.
    compiling.catch(() => this.compiled.delete(source));
    return compiling;
  }
}
