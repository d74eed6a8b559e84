/**
 * Error codes the engine returns as values. `EINVAL` is the kernel's answer to a range past
 * EXT_MAX_BLOCKS; the others are the explorer's own checks of its input, so that bad input never
 * reaches the kernel logic and never changes state.
 */
export type EsErrorCode =
  | 'EINVAL' // a range whose last block is past 0xfffffffe
  | 'EBADARG' // a field that is missing, not an integer, negative or too large
  | 'ENOINODE' // an inode number that the superblock does not have
  | 'EBADSTATUS' // a status that is not a non-empty set of W, U, D, H
  | 'EBADOP' // an operation name the engine does not know
  | 'ETOOBIG'; // a session too large for a link (save it as a file)

export class EsError extends Error {
  readonly code: EsErrorCode;
  constructor(code: EsErrorCode, message: string) {
    super(message);
    this.name = 'EsError';
    this.code = code;
  }
}
