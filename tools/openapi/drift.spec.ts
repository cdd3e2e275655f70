import { describeDrift } from './drift';

const problem = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }, description: 'x' };

const document = () => ({
  openapi: '3.0.0',
  info: { title: 'Vertrouwd intake', version: '0.1.0' },
  paths: {
    '/intake/{intakeCode}': {
      get: {
        parameters: [
          { in: 'path', name: 'intakeCode', required: true, schema: { type: 'string' } },
          { in: 'query', name: 'lang', required: false, schema: { type: 'string' } },
        ],
        responses: {
          '200': { description: 'The page', content: { 'application/json': { schema: { $ref: '#/components/schemas/IntakePage' } } } },
          '404': problem,
        },
      },
    },
    '/intake/follow-up': { post: { requestBody: { content: {} }, responses: { '200': { description: 'A token' } } } },
  },
  components: {
    schemas: {
      IntakePage: { type: 'object', required: ['language'], properties: { language: { type: 'string' }, themes: { type: 'array' } } },
      Receipt: { type: 'object', properties: { receiptCode: { type: 'string' } } },
    },
  },
});

describe('describeDrift', () => {
  it('finds nothing between the same API', () => {
    expect(describeDrift(document(), document())).toEqual([]);
  });

  it('names the operation and the part of it that changed', () => {
    const now = document();
    now.paths['/intake/{intakeCode}'].get.responses['200'].description = 'The page, translated';
    delete (now.paths['/intake/{intakeCode}'].get.responses as Record<string, unknown>)['404'];
    now.paths['/intake/{intakeCode}'].get.parameters[1].required = true;
    expect(describeDrift(document(), now)).toEqual([
      'GET /intake/{intakeCode}: changed (parameters query lang; response 200 changed; response 404 removed)',
    ]);
  });

  it('names operations and paths added and removed', () => {
    const now = document() as ReturnType<typeof document> & { paths: Record<string, unknown> };
    delete (now.paths as Record<string, unknown>)['/intake/follow-up'];
    now.paths['/intake/cases/{caseId}'] = { get: { responses: {} } };
    expect(describeDrift(document(), now)).toEqual(['GET /intake/cases/{caseId}: added', 'POST /intake/follow-up: removed']);
  });

  it('names the schema, the operations that answer with it, and the properties that changed', () => {
    const now = document();
    now.components.schemas.IntakePage.properties.language = { type: 'integer' };
    delete (now.components.schemas.IntakePage.properties as Record<string, unknown>).themes;
    now.components.schemas.IntakePage.required = ['language', 'themes'];
    delete (now.components.schemas as Record<string, unknown>).Receipt;
    expect(describeDrift(document(), now)).toEqual([
      'schema IntakePage (in GET /intake/{intakeCode}): changed (property language changed; property themes removed; required)',
      'schema Receipt: removed',
    ]);
  });

  it('names changes outside paths and schemas', () => {
    const now = document();
    now.info.version = '0.2.0';
    expect(describeDrift(document(), now)).toEqual(['info: changed']);
  });
});
