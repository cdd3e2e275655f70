// Re-measuring some parts of the benchmark (`BENCH_ONLY`) replaces their sections in the last report.

/**
 * Replaces the section whose `## ` heading `section` starts with, up to the next `## ` heading that is not one of the
 * part's own (a part may write several sections: the web's reporter site and staff portal), or adds it before Method.
 */
export function spliceSection(markdown: string, section: string, key: string): string {
  const heading = section.split('\n', 1)[0];
  if (!heading.startsWith('## ')) throw new Error(`the ${key} part does not start with a "## " heading`);
  const at = markdown.indexOf(`${heading}\n`);
  if (at < 0) {
    const method = markdown.indexOf('## Method');
    return method < 0 ? `${markdown}\n\n${section}\n` : `${markdown.slice(0, method)}${section}\n\n${markdown.slice(method)}`;
  }
  const own = new Set(section.split('\n').filter((line) => line.startsWith('## ')));
  let next = markdown.indexOf('\n## ', at + heading.length);
  while (next >= 0 && own.has(markdown.slice(next + 1).split('\n', 1)[0])) next = markdown.indexOf('\n## ', next + 1);
  return `${markdown.slice(0, at)}${section}${next < 0 ? '\n' : `\n${markdown.slice(next)}`}`;
}
