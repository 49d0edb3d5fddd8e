// The rows of `scrapls list --format json` (one JSON object per scrap and
// line) and how "Scrap: List Scraps" shows them. Pure: no `vscode` import, so
// it is unit-tested under plain Node.

/** One scrap of the folder, as `scrapls list --format json` prints it. */
export interface ScrapRow {
  readonly path: string;
  readonly date: string | null;
  readonly press: string | null;
  readonly headline: string | null;
  readonly tags: string[];
  /** Ids of the required sections that are missing or empty. */
  readonly missing: string[];
  /** Paths of the other scraps of the same article. */
  readonly duplicates: string[];
}

/** The filters of `scrapls list` (and of Neovim's `:ScrapList`). */
export interface ScrapFilter {
  since?: string;
  until?: string;
  press?: string;
  tag?: string;
  missing?: string;
}

/** The filter names, in the order they are shown and passed. */
export const FILTER_KEYS = ['since', 'until', 'press', 'tag', 'missing'] as const;

function text(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

function texts(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The rows of the command's output; lines that are not a scrap are skipped. */
export function parseRows(stdout: string): ScrapRow[] {
  const rows: ScrapRow[] = [];
  for (const line of stdout.split('\n')) {
    if (line.trim() === '') {
      continue;
    }
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof v !== 'object' || v === null) {
      continue;
    }
    const o = v as Record<string, unknown>;
    const path = text(o.path);
    if (!path) {
      continue;
    }
    rows.push({
      path,
      date: text(o.date),
      press: text(o.press),
      headline: text(o.headline),
      tags: texts(o.tags),
      missing: texts(o.missing),
      duplicates: texts(o.duplicates),
    });
  }
  return rows;
}

/** The command line after the binary: `list --format json`, the filters, the folder. */
export function listArgs(folder: string, filter: ScrapFilter, config?: string | null): string[] {
  const args = ['list', '--format', 'json'];
  if (config) {
    args.push('--config', config);
  }
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value) {
      args.push(`--${key}`, value);
    }
  }
  args.push(folder);
  return args;
}

/** Newest first (the picker's order); undated scraps last; ties by path. */
export function newestFirst(rows: readonly ScrapRow[]): ScrapRow[] {
  return [...rows].sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      return a.date < b.date ? 1 : -1;
    }
    return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
  });
}

/** The words the picker uses, in the UI's language. */
export interface RowWords {
  /** `missing: {0}` with the section ids. */
  missing(ids: string): string;
  /** `same article as {0}` with the other paths. */
  duplicate(paths: string): string;
}

/** A picker entry: headline; date, press and tags; path and status. */
export interface RowItem {
  label: string;
  description: string;
  detail: string;
}

/**
 * How a row reads in the picker. `shown` turns a path into what the user
 * reads (relative to the workspace); the tags carry `#` so typing `#반도체`
 * narrows to a tag.
 */
export function rowItem(row: ScrapRow, shown: (path: string) => string, words: RowWords): RowItem {
  const file = shown(row.path);
  const label = row.headline ?? file.split(/[\\/]/).pop() ?? file;
  const description = [row.date, row.press, ...row.tags.map((t) => `#${t}`)].filter((x) => x).join(' · ');
  const detail = [file];
  if (row.missing.length > 0) {
    detail.push(words.missing(row.missing.join(', ')));
  }
  if (row.duplicates.length > 0) {
    detail.push(words.duplicate(row.duplicates.map(shown).join(', ')));
  }
  return { label, description, detail: detail.join(' · ') };
}

/** The values each filter can take in these rows, sorted, for the filter step. */
export function filterValues(rows: readonly ScrapRow[]): { press: string[]; tag: string[]; missing: string[] } {
  const press = new Set<string>();
  const tag = new Set<string>();
  const missing = new Set<string>();
  for (const r of rows) {
    if (r.press) press.add(r.press);
    r.tags.forEach((t) => tag.add(t));
    r.missing.forEach((m) => missing.add(m));
  }
  const sorted = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b, 'ko'));
  return { press: sorted(press), tag: sorted(tag), missing: sorted(missing) };
}

/** The active filters as one line, e.g. `press: 한빛경제 · tag: 반도체`. */
export function describeFilter(filter: ScrapFilter, name: (key: (typeof FILTER_KEYS)[number]) => string): string {
  return FILTER_KEYS.filter((k) => filter[k])
    .map((k) => `${name(k)}: ${filter[k]}`)
    .join(' · ');
}
