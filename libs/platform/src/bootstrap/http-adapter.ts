import type { AbstractHttpAdapter } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { CommonEnv } from '../config/common-env.schema';

export type HttpAdapterName = CommonEnv['HTTP_ADAPTER'];

/**
 * The largest JSON body either adapter reads: Express' body-parser default (100 kB), given to Fastify too
 * (its own default is 1 MiB), so a body refused with 413 on one is refused on the other.
 */
export const JSON_BODY_LIMIT_BYTES = 100 * 1024;

/**
 * The HTTP server under Nest (HTTP_ADAPTER): Express, the default, or Fastify (#21, docs/http-adapter.md).
 * Fastify is loaded only when chosen, so a service on Express does not pay for loading it at start-up.
 */
export async function createHttpAdapter(name: HttpAdapterName): Promise<AbstractHttpAdapter> {
  if (name !== 'fastify') return new ExpressAdapter();
  const { FastifyAdapter } = await import('@nestjs/platform-fastify');
  return new FastifyAdapter({ bodyLimit: JSON_BODY_LIMIT_BYTES });
}
