import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { IdempotencyStore } from '../idempotency/idempotency.store';
import { documentProblems } from './document-problems';

/** Where every service serves its document and its browsable docs. */
export const OPENAPI_PATH = '/openapi.json';
export const DOCS_PATH = '/docs';

export interface OpenApiOptions {
  title: string;
  description?: string;
  version: string;
}

/**
 * Serves the OpenAPI document generated from the app's decorators at `/openapi.json` and Swagger UI (from
 * swagger-ui-dist, no CDN) at `/docs`. The document is built on first request, when every module is loaded.
 */
export function setUpOpenApi(app: INestApplication, options: OpenApiOptions): void {
  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(options.description ?? '')
    .setVersion(options.version)
    .addBearerAuth()
    .build();
  const document = () => documentProblems(SwaggerModule.createDocument(app, config), { idempotency: honoursIdempotency(app) });
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_PATH,
    raw: ['json'],
    customSiteTitle: `${options.title} API`,
    // The default validator badge loads an image from validator.swagger.io, which the docs CSP forbids anyway.
    swaggerOptions: { validatorUrl: null },
  });
}

/** Whether the root module imported `IdempotencyModule`; only then is `Idempotency-Key` documented. */
function honoursIdempotency(app: INestApplication): boolean {
  try {
    app.get(IdempotencyStore, { strict: false });
    return true;
  } catch {
    return false;
  }
}
