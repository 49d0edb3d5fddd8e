// Finding the `scrapls` binary: the `scrapls.path` setting, then the binary
// bundled inside a platform-specific VSIX, then `PATH`.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type ServerSource = 'setting' | 'bundled' | 'path';

export interface FoundServer {
  readonly command: string;
  readonly source: ServerSource;
}

export interface LookupFailure {
  /** Every place that was looked at, in order, for the error message. */
  readonly tried: string[];
  /** Set when `scrapls.path` names a file that is missing or not executable. */
  readonly badSetting?: string;
}

export const EXE = process.platform === 'win32' ? 'scrapls.exe' : 'scrapls';

export function isExecutable(file: string): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) {
      return false;
    }
    if (process.platform === 'win32') {
      return true;
    }
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Expands `~` and `${workspaceFolder}`/`${userHome}` in a user-given path. */
export function expandPath(raw: string, workspaceFolder: string | undefined): string {
  let p = raw.trim();
  if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) {
    p = path.join(os.homedir(), p.slice(1));
  }
  p = p.replace(/\$\{userHome\}/g, os.homedir());
  if (workspaceFolder !== undefined) {
    p = p.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
  }
  if (!path.isAbsolute(p) && workspaceFolder !== undefined) {
    p = path.join(workspaceFolder, p);
  }
  return p;
}

export function searchPath(exe: string, envPath: string | undefined): string | undefined {
  if (!envPath) {
    return undefined;
  }
  for (const dir of envPath.split(path.delimiter)) {
    if (dir === '') {
      continue;
    }
    const candidate = path.join(dir, exe);
    if (isExecutable(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

export function findServer(opts: {
  setting: string | null | undefined;
  extensionPath: string;
  workspaceFolder: string | undefined;
  envPath: string | undefined;
}): FoundServer | LookupFailure {
  const tried: string[] = [];
  if (opts.setting && opts.setting.trim() !== '') {
    const p = expandPath(opts.setting, opts.workspaceFolder);
    if (isExecutable(p)) {
      return { command: p, source: 'setting' };
    }
    // An explicit setting that does not work is an error: falling back
    // silently would run a binary the user did not ask for.
    return { tried: [`scrapls.path = ${p}`], badSetting: p };
  }
  tried.push('scrapls.path (unset)');
  const bundled = path.join(opts.extensionPath, 'bin', EXE);
  if (isExecutable(bundled)) {
    return { command: bundled, source: 'bundled' };
  }
  tried.push(bundled);
  const onPath = searchPath(EXE, opts.envPath);
  if (onPath) {
    return { command: onPath, source: 'path' };
  }
  tried.push(`${EXE} on PATH`);
  return { tried };
}

export function isFound(r: FoundServer | LookupFailure): r is FoundServer {
  return (r as FoundServer).command !== undefined;
}
