import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { checkOutputFolder, makeDirectories } from '../src/directories.js';

test('makeDirectories makes the missing folders of a path, and is content with ones that exist', () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-dirs-'));
  try {
    makeDirectories(join(root, 'a', 'b', 'c'));
    assert.ok(statSync(join(root, 'a', 'b', 'c')).isDirectory());
    makeDirectories(join(root, 'a', 'b')); // exists: nothing to do
    writeFileSync(join(root, 'file'), 'x');
    assert.throws(() => makeDirectories(join(root, 'file', 'sub')), { code: 'ENOTDIR' });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('makeDirectories fails at once under /proc, where Node 20\'s recursive mkdir never returns', { skip: existsSync('/proc/self') ? false : 'needs Linux /proc' }, () => {
  assert.throws(() => makeDirectories('/proc/medbert-test/x'), { code: 'ENOENT' });
});

test('checkOutputFolder allows nothing, an empty folder or an earlier output, and refuses a file or another folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-out-'));
  try {
    checkOutputFolder(join(root, 'new'), 'manifest.json', 'shard folder');
    mkdirSync(join(root, 'empty'));
    checkOutputFolder(join(root, 'empty'), 'manifest.json', 'shard folder');
    mkdirSync(join(root, 'earlier'));
    writeFileSync(join(root, 'earlier', 'manifest.json'), '{}');
    writeFileSync(join(root, 'earlier', 'shard-00000.bin'), '');
    checkOutputFolder(join(root, 'earlier'), 'manifest.json', 'shard folder');
    mkdirSync(join(root, 'mine'));
    writeFileSync(join(root, 'mine', 'notes.txt'), 'x');
    assert.throws(() => checkOutputFolder(join(root, 'mine'), 'manifest.json', 'shard folder'),
      /mine holds other files and no manifest\.json, so it is not a shard folder: not replacing it/);
    writeFileSync(join(root, 'a-file'), 'x');
    assert.throws(() => checkOutputFolder(join(root, 'a-file'), 'config.json', 'checkpoint folder'), /a-file is a file, not a checkpoint folder/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
