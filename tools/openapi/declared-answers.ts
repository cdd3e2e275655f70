// Whether a document says what each operation answers: the web services type their calls from it (ADR 0049), and an
// answer left undeclared comes out as `unknown`, so a page would have to guess its fields again, and a changed answer
// would break the page instead of the build.

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * The operations (reads and writes) whose success answer the document does not describe: no body at all, or a JSON
 * body without a schema. Answers without a body by design (204) pass; downloads (CSV, PDF, UBL) declare their media
 * type instead of a JSON schema, and pass.
 */
export function undeclaredAnswers(document: { paths?: Record<string, Record<string, unknown>> }): string[] {
  const missing: string[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const responses = (item[method] as Operation | undefined)?.responses ?? {};
      for (const [status, answer] of Object.entries(responses)) {
        if (!/^2\d\d$/.test(status) || status === '204') continue;
        const json = Object.entries(answer.content ?? {}).filter(([type]) => /json/.test(type));
        const declared = Object.keys(answer.content ?? {}).length > 0 && json.every(([, media]) => isSchema(media.schema));
        if (!declared) missing.push(`${method.toUpperCase()} ${path} ${status}`);
      }
    }
  }
  return missing;
}

function isSchema(schema: unknown): boolean {
  if (schema === null || typeof schema !== 'object') return false;
  const keys = Object.keys(schema);
  // `{ type: 'object' }` alone is what an undecorated answer would say: no fields a page could rely on.
  return keys.length > 0 && !(keys.length === 1 && (schema as { type?: unknown }).type === 'object');
}
