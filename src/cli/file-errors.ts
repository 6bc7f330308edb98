// File-system errors as the CLI words them: one line naming the path the user gave.
import { outputPathOf } from '../directories.js';
import { fileErrorReason } from '../errors.js';

/**
 * One line for a file-system error on a path (not a bug of ours: a folder that cannot be written, a disk that is
 * full), naming the path the user gave: an output's temporary twin is named as the output (outputPathOf). Null for
 * any other error (a socket's, a child process's).
 */
export function fileErrorMessage(error: unknown): string | null {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return null;
  const reason = fileErrorReason(error);
  const syscall = 'syscall' in error ? String(error.syscall) : '';
  if (reason === undefined || !FILE_CALLS.has(syscall) || !('path' in error) || typeof error.path !== 'string') return null;
  const path = outputPathOf(error.path);
  // Opening an output's temporary twin is writing it; any other open may be either.
  const verb = syscall === 'open' ? (path !== error.path ? 'write' : 'open') : READ_CALLS.has(syscall) ? 'read' : 'write';
  return `cannot ${verb} ${path}: ${reason}`;
}

const FILE_CALLS = new Set(['open', 'read', 'stat', 'lstat', 'scandir', 'access', 'write', 'mkdir', 'rmdir', 'rename', 'unlink',
  'copyfile', 'rm', 'utime', 'chmod', 'fsync', 'ftruncate', 'link', 'symlink']);
const READ_CALLS = new Set(['read', 'stat', 'lstat', 'scandir', 'access']);
