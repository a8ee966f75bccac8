// What a call may send and what it answers, read from the `paths` type that openapi-typescript generates from a
// service's OpenAPI document (src/generated/<service>.d.ts). Types only: nothing here runs.

/** The HTTP methods the services serve, lower-case as the generated types name them. */
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** The operation of `Path` under `Method`, or never when the document has none (`get?: never`). */
export type OperationOf<Paths, Path extends keyof Paths, Method extends HttpMethod> = Paths[Path] extends { readonly [M in Method]: infer Operation } ? Operation : never;

/** The paths that document an operation for `Method`. */
export type PathsWith<Paths, Method extends HttpMethod> = {
  [Path in keyof Paths]: Paths[Path] extends { readonly [M in Method]: object } ? Path : never;
}[keyof Paths] &
  string;

type IsNever<T> = [T] extends [never] ? true : false;

type ParametersOf<Operation> = Operation extends { readonly parameters: infer Parameters } ? Parameters : never;

/** `{ path }` when the path has parameters (`/v1/promotions/{id}`), otherwise nothing. */
type PathParams<Operation> =
  ParametersOf<Operation> extends { readonly path: infer Path } ? (IsNever<Path> extends true ? unknown : { readonly path: Path }) : unknown;

/**
 * `{ query? }` when the operation documents query parameters, each of them optional: Nest documents a query
 * parameter as required unless told otherwise, and several are documented so (campaigns' `GET /v1/suppressions`
 * cursor, `GET /v1/emails` filters) that the services read as optional.
 */
type QueryParams<Operation> =
  ParametersOf<Operation> extends { readonly query?: infer Query }
    ? IsNever<NonNullable<Query>> extends true
      ? unknown
      : { readonly query?: Partial<NonNullable<Query>> }
    : unknown;

/** The media types a body may be sent as, with what the caller passes for each. */
type BodyOfContent<Content> = Content extends { readonly 'application/json': infer Json }
  ? Json
  : Content extends { readonly 'multipart/form-data': unknown }
    ? FormData
    : never;

type RequestBodyOf<Operation> = Operation extends { readonly requestBody?: infer Body } ? NonNullable<Body> : never;

/** `{ body }` when the operation takes one (JSON, or FormData for multipart), optional when the document says so. */
type BodyParams<Operation> =
  IsNever<RequestBodyOf<Operation>> extends true
    ? unknown
    : RequestBodyOf<Operation> extends { readonly content: infer Content }
      ? Operation extends { readonly requestBody: unknown }
        ? { readonly body: BodyOfContent<Content> }
        : { readonly body?: BodyOfContent<Content> }
      : unknown;

/** Path parameters, query and body of one call, as the document types them. */
export type RequestParams<Operation> = PathParams<Operation> & QueryParams<Operation> & BodyParams<Operation>;

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206;

/** What one documented answer's body parses to: its JSON type, text for a text type, undefined for none. */
type AnswerBody<Response> = Response extends { readonly content: infer Content }
  ? Content extends { readonly 'application/json': infer Json }
    ? Json
    : IsNever<Extract<keyof Content, `text/${string}`>> extends false
      ? string
      : unknown
  : unknown;

/**
 * The body of a successful answer: the union of the documented 2xx answers. An answer the document does not
 * describe yet (`content?: never`) is `unknown`, so a caller checks it rather than trusting a guess.
 */
export type SuccessBody<Operation> = Operation extends { readonly responses: infer Responses }
  ? {
      [Status in keyof Responses & SuccessStatus]: Status extends 204 ? undefined : AnswerBody<Responses[Status]>;
    }[keyof Responses & SuccessStatus]
  : unknown;
