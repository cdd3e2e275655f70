import { readPdf } from '@vertrouwd/testing';
import { startPdfA } from './pdf-document';

const render = async (text: string) => {
  const document = startPdfA({
    title: 'Proef',
    language: 'nl',
    date: new Date('2026-01-15T00:00:00Z'),
    fileId: Buffer.alloc(16, 7),
    margin: 50,
    producer: 'Vertrouwd (test)',
  });
  document.writer.text(document.root, 'P', text, 50, 50, { width: 200 });
  document.writer.artifact('Pagina 1', 50, 800, { width: 200 });
  return document.end();
};

describe('startPdfA', () => {
  it('gives the same bytes for the same drawing, dated by the given day, text readable and tagged', async () => {
    const first = await render('Één tekst met ĳ en een lange regel die over meer dan één regel moet worden afgebroken.');
    const again = await render('Één tekst met ĳ en een lange regel die over meer dan één regel moet worden afgebroken.');
    expect(again.equals(first)).toBe(true);
    const raw = first.toString('latin1');
    expect(raw).toContain('/ID [<07070707070707070707070707070707>');
    expect(raw).toContain('/StructTreeRoot');
    const reading = await readPdf(first);
    expect(reading.lines.join(' ')).toContain('Één tekst met ĳ');
    expect(reading.lines).toContain('Pagina 1');
    expect(reading.xmp).toContain('<xmp:ModifyDate>2026-01-15T00:00:00Z</xmp:ModifyDate>');
    expect(reading.xmp).toContain('<pdfaid:part>3</pdfaid:part>');
  });
});
