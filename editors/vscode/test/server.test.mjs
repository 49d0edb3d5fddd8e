// Binary lookup order: setting, bundled, PATH (runs on Node >= 22.18 / 23.6,
// which strip TypeScript types natively).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findServer, isFound } from '../src/server.ts';

function tmp() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'scrapls-vscode-'));
}
function exe(file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '#!/bin/sh\n');
  fs.chmodSync(file, 0o755);
  return file;
}

test('the setting wins over the bundled binary and PATH', () => {
  const d = tmp();
  const set = exe(path.join(d, 'custom', 'scrapls'));
  exe(path.join(d, 'ext', 'bin', 'scrapls'));
  exe(path.join(d, 'onpath', 'scrapls'));
  const r = findServer({ setting: set, extensionPath: path.join(d, 'ext'), workspaceFolder: undefined, envPath: path.join(d, 'onpath') });
  assert.ok(isFound(r));
  assert.equal(r.command, set);
  assert.equal(r.source, 'setting');
});

test('a broken setting is reported, not silently skipped', () => {
  const d = tmp();
  exe(path.join(d, 'onpath', 'scrapls'));
  const r = findServer({ setting: path.join(d, 'nope'), extensionPath: d, workspaceFolder: undefined, envPath: path.join(d, 'onpath') });
  assert.ok(!isFound(r));
  assert.equal(r.badSetting, path.join(d, 'nope'));
});

test('relative settings resolve against the workspace folder', () => {
  const d = tmp();
  const bin = exe(path.join(d, 'target', 'release', 'scrapls'));
  const r = findServer({ setting: 'target/release/scrapls', extensionPath: path.join(d, 'ext'), workspaceFolder: d, envPath: '' });
  assert.ok(isFound(r));
  assert.equal(r.command, bin);
});

test('bundled before PATH, PATH last, and a miss lists what was tried', () => {
  const d = tmp();
  const onPath = exe(path.join(d, 'onpath', 'scrapls'));
  let r = findServer({ setting: null, extensionPath: path.join(d, 'ext'), workspaceFolder: undefined, envPath: path.join(d, 'onpath') });
  assert.ok(isFound(r));
  assert.equal(r.command, onPath);
  assert.equal(r.source, 'path');
  const bundled = exe(path.join(d, 'ext', 'bin', 'scrapls'));
  r = findServer({ setting: '', extensionPath: path.join(d, 'ext'), workspaceFolder: undefined, envPath: path.join(d, 'onpath') });
  assert.ok(isFound(r));
  assert.equal(r.command, bundled);
  assert.equal(r.source, 'bundled');
  r = findServer({ setting: null, extensionPath: path.join(d, 'none'), workspaceFolder: undefined, envPath: path.join(d, 'empty') });
  assert.ok(!isFound(r));
  assert.equal(r.tried.length, 3);
});
