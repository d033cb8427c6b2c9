import type { ExportFormat } from '../app/session-files.ts';

/**
 * Why a session's file could not be made, named by its kind, wherever its button is (the summary,
 * History, the storage notice): the writer's own words ("its writer could not be loaded…") say what
 * went wrong, not which file. Words written as a sentence of their own ("That session is no longer
 * here.") go on after the colon in lower case; a name in capitals ("FIT") keeps them.
 */
export function fileNotMadeWords(format: ExportFormat, error: unknown): string {
  const why = error instanceof Error ? error.message : String(error);
  const after = why.replace(/^[A-Z](?=[a-z])/, (letter) => letter.toLowerCase());
  return `The ${format.toUpperCase()} file could not be made: ${after}`;
}
