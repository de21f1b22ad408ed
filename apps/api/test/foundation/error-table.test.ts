import { AccountErrorCodes, CatalogErrorCodes, ContentErrorCodes, ERROR_STATUS, ErrorCodes, MediaErrorCodes } from '@pishop/shared';
import { statusForCode } from '../../src/lib/error-status';

describe('the error code table (packages/shared)', () => {
  it('gives every code an HTTP error status', () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      expect(`${code} ${status >= 400 && status <= 599}`).toBe(`${code} true`);
      expect(ErrorCodes[code as keyof typeof ErrorCodes]).toBe(code);
    }
  });

  it("holds every module's codes", () => {
    for (const codes of [AccountErrorCodes, CatalogErrorCodes, ContentErrorCodes, MediaErrorCodes]) {
      for (const code of Object.values(codes)) expect(Object.keys(ERROR_STATUS)).toContain(code);
    }
  });

  it('answers 500 for a code nobody registered, never a guess from its spelling', () => {
    expect(statusForCode('ACCOUNT_LOCKED')).toBe(423);
    expect(statusForCode('SOMETHING_NOT_FOUND')).toBe(500);
  });
});
