// Validates UBL invoices and credit notes by hand, as the tests do: `npm run validate:e-invoice -- factuur.xml` or a
// PDF, whose embedded XML is checked. Prints each result and exits 1 when one is invalid.
import { readFileSync } from 'node:fs';
import { validateEInvoice } from '../../libs/testing/src/e-invoice-validation';
import { readPdf } from '../../libs/testing/src/pdf-reader';

async function documentsIn(file: string): Promise<{ name: string; xml: string }[]> {
  const bytes = readFileSync(file);
  if (!file.toLowerCase().endsWith('.pdf')) return [{ name: file, xml: bytes.toString('utf8') }];
  const { attachments } = await readPdf(bytes);
  return attachments
    .filter((a) => a.filename.toLowerCase().endsWith('.xml'))
    .map((a) => ({ name: `${file} → ${a.filename}`, xml: a.content.toString('utf8') }));
}

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error('usage: npm run validate:e-invoice -- <factuur.xml | factuur.pdf> ...');
    return 2;
  }
  let invalid = 0;
  for (const file of files) {
    const documents = await documentsIn(file);
    if (documents.length === 0) console.log(`${file}: no XML attachment`);
    for (const { name, xml } of documents) {
      const result = await validateEInvoice(xml);
      if (!result.valid) invalid++;
      console.log(`${name}: ${result.valid ? 'valid' : 'INVALID'}`);
      for (const error of result.xsdErrors) console.log(`  XSD: ${error}`);
      for (const { id, text } of result.fatal) console.log(`  fatal ${id}: ${text}`);
      for (const { id, text } of result.warnings) console.log(`  warning ${id}: ${text}`);
    }
  }
  return invalid === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
