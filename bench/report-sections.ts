// Re-measuring some parts of the benchmark (`BENCH_ONLY`) replaces their sections in the last report.

/** Replaces the section whose `## ` heading `section` starts with (up to the next `## `), or adds it before Method. */
export function spliceSection(markdown: string, section: string, key: string): string {
  const heading = section.split('\n', 1)[0];
  if (!heading.startsWith('## ')) throw new Error(`the ${key} part does not start with a "## " heading`);
  const at = markdown.indexOf(`${heading}\n`);
  if (at < 0) {
    const method = markdown.indexOf('## Method');
    return method < 0 ? `${markdown}\n\n${section}\n` : `${markdown.slice(0, method)}${section}\n\n${markdown.slice(method)}`;
  }
  const next = markdown.indexOf('\n## ', at + heading.length);
  return `${markdown.slice(0, at)}${section}${next < 0 ? '\n' : `\n${markdown.slice(next)}`}`;
}
