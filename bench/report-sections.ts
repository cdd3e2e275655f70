// Re-measuring some parts of the benchmark (`BENCH_ONLY`) replaces their sections in the last report.

/**
 * Replaces the sections whose `## ` headings `section` holds (each up to the next `## `) by `section`, placed where
 * the first of them was; or adds it before Method when the report has none of them yet.
 */
export function spliceSection(markdown: string, section: string, key: string): string {
  if (!section.startsWith('## ')) throw new Error(`the ${key} part does not start with a "## " heading`);
  const blocks = section
    .split('\n')
    .filter((line) => line.startsWith('## '))
    .map((heading) => blockOf(markdown, heading))
    .filter((block) => block !== undefined)
    .sort((a, b) => a.start - b.start);
  if (blocks.length === 0) {
    const method = markdown.indexOf('## Method');
    return method < 0 ? `${markdown}\n\n${section}\n` : `${markdown.slice(0, method)}${section}\n\n${markdown.slice(method)}`;
  }
  let remainder = '';
  let from = blocks[0].start;
  for (const block of blocks) {
    remainder += markdown.slice(from, block.start);
    from = block.end;
  }
  remainder += markdown.slice(from);
  return `${markdown.slice(0, blocks[0].start)}${section}${remainder.length > 0 ? `\n\n${remainder}` : '\n'}`;
}

/** The heading's section in the report: from the heading to the start of the next `## ` heading, or the end. */
function blockOf(markdown: string, heading: string): { start: number; end: number } | undefined {
  const start = markdown.startsWith(`${heading}\n`) ? 0 : markdown.indexOf(`\n${heading}\n`) + 1;
  if (start === 0 && !markdown.startsWith(`${heading}\n`)) return undefined;
  const next = markdown.indexOf('\n## ', start + heading.length);
  return { start, end: next < 0 ? markdown.length : next + 1 };
}
