import type { AbstractHttpAdapter } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { CommonEnv } from '../config/common-env.schema';

export type HttpAdapterName = CommonEnv['HTTP_ADAPTER'];

/**
 * The largest JSON body either adapter reads: Express' body-parser default (100 kB), given to Fastify too
 * (its own default is 1 MiB), so a body refused with 413 on one is refused on the other.
 */
export const JSON_BODY_LIMIT_BYTES = 100 * 1024;

/** The HTTP server under Nest (HTTP_ADAPTER): Express, the default, or Fastify (#21, docs/http-adapter.md). */
export function createHttpAdapter(name: HttpAdapterName): AbstractHttpAdapter {
  return name === 'fastify' ? new FastifyAdapter({ bodyLimit: JSON_BODY_LIMIT_BYTES }) : new ExpressAdapter();
}
