// mjml ships no type declarations (CommonJS, `module.exports = mjml2html`): the part of its API we call.
declare module 'mjml' {
  interface MjmlError {
    readonly line: number;
    readonly message: string;
    readonly tagName: string;
    readonly formattedMessage: string;
  }
  interface MjmlResult {
    readonly html: string;
    readonly errors: readonly MjmlError[];
  }
  interface MjmlOptions {
    readonly validationLevel?: 'strict' | 'soft' | 'skip';
    readonly minify?: boolean;
    readonly keepComments?: boolean;
    readonly ignoreIncludes?: boolean;
  }
  function mjml2html(input: string, options?: MjmlOptions): Promise<MjmlResult>;
  export = mjml2html;
}
