/**
 * A store opened on first use and shared by every request after it; an opening that fails (the database not up yet)
 * is forgotten, so the next request tries again instead of failing for the process's life.
 */
export function openOnce<T>(open: () => Promise<T>): () => Promise<T> {
  let opening: Promise<T> | undefined;
  return () => {
    opening ??= open().catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
    return opening;
  };
}
