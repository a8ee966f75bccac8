import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { providedApiDocSchemas } from './api-doc-schemas';
import { completeOperations } from './complete-operations';

/** The name of the security scheme every scoped route requires (header `x-api-key`; `Authorization: Bearer` works too). */
export const API_KEY_SECURITY = 'api-key';

/**
 * OpenAPI generated from the controllers (X3): Swagger UI at `/docs`, the document at `/docs-json`.
 * Both are served by the HTTP adapter before Nest's router, so the API-key guard never sees them: they are public.
 * On Fastify (HTTP_ADAPTER=fastify) only the document is served: the UI's assets would need @fastify/static,
 * whose ESM-only dependencies Jest cannot load, and no storefront or service reads the UI.
 * SWC has no @nestjs/swagger plugin, so request and response bodies are described only where DTOs carry @ApiProperty
 * or routes name a schema (ApiProblemResponses, the contracts' JSON Schemas).
 */
export function setupApiDocs(app: INestApplication, service: string): void {
  const config = new DocumentBuilder()
    .setTitle(`promotions ${service}`)
    .setDescription(
      `The ${service} service of the promotions platform. Errors are application/problem+json (RFC 9457). ` +
        'Every route needs an API key of the scope it names (x-required-scope), except health, metrics and these docs.',
    )
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/license/mit')
    .addServer('/', `the ${service} service`)
    .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key', description: 'A key of scope storefront or admin, or a service key (code-lookup, code-issue) where a route also accepts it (npm run keys -- create)' }, API_KEY_SECURITY)
    .build();
  const document = completeOperations(SwaggerModule.createDocument(app, config), providedApiDocSchemas(app));
  const isUiServed = app.getHttpAdapter().getType() !== 'fastify';
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml', ui: isUiServed });
}
