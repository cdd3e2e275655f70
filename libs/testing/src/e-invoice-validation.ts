import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repositoryRoot, validationDirectory } from './validation-files';

/** One assertion of the SI-UBL 2.0 business rules that failed (`BR-NL-2`, `BR-CO-15`, …). */
export interface RuleFailure {
  id: string;
  text: string;
}

export interface EInvoiceValidation {
  /** The XSD accepts the document and no business rule with flag `fatal` failed. */
  valid: boolean;
  xsdErrors: string[];
  fatal: RuleFailure[];
  warnings: RuleFailure[];
}

const SVRL = 'http://purl.oclc.org/dsdl/svrl';

/**
 * Validates a UBL 2.1 invoice or credit note the way the Dutch e-invoicing rules ask: against the OASIS UBL 2.1 XSD
 * (by its root element) with xmllint (WebAssembly), then against the SI-UBL 2.0 business rules (NLCIUS + EN 16931)
 * with SaxonJS. Test-only: the validators are dev dependencies.
 */
export async function validateEInvoice(xml: string): Promise<EInvoiceValidation> {
  const xsdErrors = await validateXsd(xml);
  const failures = await businessRuleFailures(xml);
  const fatal = failures.filter((f) => f.flag === 'fatal').map(({ id, text }) => ({ id, text }));
  const warnings = failures.filter((f) => f.flag !== 'fatal').map(({ id, text }) => ({ id, text }));
  return { valid: xsdErrors.length === 0 && fatal.length === 0, xsdErrors, fatal, warnings };
}

let schemaFiles: { fileName: string; contents: string }[] | undefined;

async function validateXsd(xml: string): Promise<string[]> {
  const root = /<(?:[\w.-]+:)?(Invoice|CreditNote)[\s>/]/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''));
  if (!root) return ['The root element is neither a UBL Invoice nor a UBL CreditNote'];
  const xsd = join(validationDirectory(), 'ubl-2.1', 'xsd');
  schemaFiles ??= ['maindoc', 'common'].flatMap((folder) =>
    readdirSync(join(xsd, folder))
      .filter((name) => name.endsWith('.xsd'))
      .map((name) => ({ fileName: `${folder}/${name}`, contents: readFileSync(join(xsd, folder, name), 'utf8') })),
  );
  const main = `maindoc/UBL-${root[1]}-2.1.xsd`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use: only validation tests pay for it
  const { validateXML } = require('xmllint-wasm') as typeof import('xmllint-wasm');
  const result = await validateXML({
    xml: { fileName: 'document.xml', contents: xml },
    schema: schemaFiles.find((f) => f.fileName === main)!,
    preload: schemaFiles.filter((f) => f.fileName !== main),
  });
  return result.errors.map((e) => e.rawMessage);
}

interface SvrlFailure extends RuleFailure {
  flag: string;
}

interface SaxonJs {
  transform(options: object, mode: 'async'): Promise<{ principalResult: unknown }>;
  XPath: { evaluate(xpath: string, context: unknown, options: object): unknown };
}

let stylesheet: Promise<object> | undefined;

async function businessRuleFailures(xml: string): Promise<SvrlFailure[]> {
  stylesheet ??= compiledBusinessRules().then((path) => JSON.parse(readFileSync(path, 'utf8')) as object);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use: only validation tests pay for it
  const saxon = require('saxon-js') as SaxonJs;
  const { principalResult } = await saxon.transform(
    { stylesheetInternal: await stylesheet, sourceText: xml, destination: 'document' },
    'async',
  );
  const found = saxon.XPath.evaluate(
    "//svrl:failed-assert ! map { 'id': string(@id), 'flag': string(@flag), 'text': normalize-space(svrl:text) }",
    principalResult,
    { namespaceContext: { svrl: SVRL }, resultForm: 'array' },
  ) as SvrlFailure[];
  return found;
}

/**
 * The SI-UBL 2.0 XSL compiled to SaxonJS's SEF once per machine (about 20 s), cached under node_modules by the
 * stylesheet's SHA-256, so a new release of the rules compiles anew. Written to a temporary file and renamed, so
 * Jest workers compiling at the same time never read half a file.
 */
async function compiledBusinessRules(): Promise<string> {
  const xsl = join(validationDirectory(), 'si-ubl-2.0', 'si-ubl-2.0.xsl');
  const digest = createHash('sha256').update(readFileSync(xsl)).digest('hex');
  const cacheDir = join(repositoryRoot(), 'node_modules', '.cache', 'vertrouwd');
  const sef = join(cacheDir, `si-ubl-${digest}.sef.json`);
  if (existsSync(sef)) return sef;
  mkdirSync(cacheDir, { recursive: true });
  const temporary = `${sef}.${process.pid}.${Date.now()}.tmp`;
  try {
    await promisify(execFile)(
      process.execPath,
      [require.resolve('xslt3/xslt3.js'), `-xsl:${xsl}`, `-export:${temporary}`, '-nogo', '-relocate:on'],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    renameSync(temporary, sef);
  } finally {
    rmSync(temporary, { force: true });
  }
  return sef;
}
