import { RequestMethod, type INestApplication } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
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
  SwaggerModule.setup(DOCS_PATH, app, () => openApiDocument(app, options), {
    jsonDocumentUrl: OPENAPI_PATH,
    raw: ['json'],
    customSiteTitle: `${options.title} API`,
    // The default validator badge loads an image from validator.swagger.io, which the docs CSP forbids anyway.
    swaggerOptions: { validatorUrl: null },
  });
}

/**
 * The document `/openapi.json` serves: generated from the app's decorators, with the problems every operation can
 * answer (`documentProblems`). Works on an app created in preview mode too (`createHttpApp(..., { preview: true })`),
 * which is how `npm run openapi` describes a service without its database.
 */
export function openApiDocument(app: INestApplication, options: OpenApiOptions): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(options.description ?? '')
    .setVersion(options.version)
    .addBearerAuth()
    .build();
  return documentProblems(SwaggerModule.createDocument(app, config), {
    idempotency: honoursIdempotency(app),
    successOf: successStatuses(app),
  });
}

/**
 * The status each route handler answers with on success, by the operationId `@nestjs/swagger` gives it
 * (`<Controller>_<method>`): its `@HttpCode`, else 201 for POST and 200 for the rest, as Nest answers.
 */
function successStatuses(app: INestApplication): (operationId: string) => number | undefined {
  const statuses = new Map<string, number>();
  for (const module of app.get(ModulesContainer, { strict: false }).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      for (
        let prototype = metatype.prototype as object | null;
        prototype && prototype !== Object.prototype;
        prototype = Object.getPrototypeOf(prototype) as object | null
      ) {
        for (const name of Object.getOwnPropertyNames(prototype)) {
          const handler: unknown = Object.getOwnPropertyDescriptor(prototype, name)?.value;
          if (typeof handler !== 'function') continue;
          const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
          if (method === undefined) continue;
          const key = `${metatype.name}_${name}`;
          if (statuses.has(key)) continue; // an override lower in the chain wins
          const code = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
          statuses.set(key, code ?? (method === RequestMethod.POST ? 201 : 200));
        }
      }
    }
  }
  return (operationId) => statuses.get(operationId);
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
