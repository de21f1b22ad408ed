import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ERROR_STATUS } from '@pishop/shared';
import type { Operation, Schema } from './openapi-requests';

/** The error envelope every refusal answers with, whatever the route declares. */
const errorEnvelope = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { enum: Object.keys(ERROR_STATUS) }, message: { type: 'string', minLength: 1 } },
    },
  },
};

/** Validates answers against the schema their operation declares for that status. */
export class ResponseValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  private readonly compiled = new Map<Schema | object, ValidateFunction>();

  constructor() {
    addFormats(this.ajv);
  }

  private validator(schema: Schema | object): ValidateFunction {
    let v = this.compiled.get(schema);
    if (!v) {
      v = this.ajv.compile(schema);
      this.compiled.set(schema, v);
    }
    return v;
  }

  /** Problems with one answer (empty when it is what the document promises). */
  check(op: Operation, status: number, contentType: string | undefined, body: string, method: string): string[] {
    if (method === 'HEAD') return body.length ? ['HEAD answered with a body'] : [];
    const declared = op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default;
    const isJson = /^application\/json/.test(contentType ?? '');
    // Site files (/validation-key.txt) answer plain text; the envelope is the API's contract.
    if (status >= 400 && op.path.startsWith('/api/')) {
      if (!isJson) return [`${status} answered ${contentType ?? 'no content type'}, not the JSON error envelope`];
      const json = JSON.parse(body) as { error?: { code?: string } };
      const problems = this.errors(errorEnvelope, json).map((e) => `error envelope: ${e}`);
      const code = json.error?.code as keyof typeof ERROR_STATUS | undefined;
      if (code && ERROR_STATUS[code] !== undefined && ERROR_STATUS[code] !== status) problems.push(`code ${code} answered with ${status}, the table says ${ERROR_STATUS[code]}`);
      return problems;
    }
    if (status >= 400) return [];
    // A conditional GET (If-None-Match) may answer 304 with no body on any cached read.
    if (status === 304) return body.length ? ['304 with a body'] : [];
    if (declared === undefined && !(String(status) in op.responses)) return [`status ${status} is not declared`];
    if (!declared || !isJson || body.length === 0) return [];
    return this.errors(declared, JSON.parse(body)).map((e) => `schema of ${status}: ${e}`);
  }

  private errors(schema: Schema | object, value: unknown): string[] {
    const v = this.validator(schema);
    if (v(value)) return [];
    return (v.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  }
}

const SECRET_KEY = /(password|secret|seed|private|api_?key|token_?hash|refresh_?token|^hash$|salt)/i;
const SECRET_VALUE: [RegExp, string][] = [
  [/^\$argon2(id|i|d)\$/, 'an argon2 hash'],
  [/^\$2[aby]\$\d\d\$/, 'a bcrypt hash'],
  [/^S[A-Z2-7]{55}$/, 'a Stellar secret seed'],
  [/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/, 'a JWT'],
];

/**
 * Secret-looking fields in an answer: keys named like secrets holding text, values shaped like
 * password hashes, seeds or JWTs, or equal to a secret this caller must not see. `allowedKeys`
 * are the fields this very answer may carry (a sign-in's own accessToken, a new API key's secret).
 */
export function secretFindings(value: unknown, secrets: Map<string, string>, allowedKeys: readonly string[] = [], at = ''): string[] {
  const found: string[] = [];
  if (typeof value === 'string') {
    for (const [pattern, what] of SECRET_VALUE) if (pattern.test(value)) found.push(`${at || '/'} holds ${what}`);
    for (const [name, secret] of secrets) if (secret.length >= 8 && value.includes(secret)) found.push(`${at || '/'} holds ${name}`);
    return found;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => found.push(...secretFindings(v, secrets, allowedKeys, `${at}/${i}`)));
    return found;
  }
  if (value && typeof value === 'object') {
    // Validation answers name the refused fields (`password: must be text`): keys, not secrets.
    const fieldMessages = /^\/errors$|\/details\/fields$/.test(at);
    for (const [key, v] of Object.entries(value)) {
      if (allowedKeys.includes(key)) continue;
      if (!fieldMessages && SECRET_KEY.test(key) && typeof v === 'string' && v.length > 0) found.push(`${at}/${key} is a secret-named field with a value`);
      found.push(...secretFindings(v, secrets, allowedKeys, `${at}/${key}`));
    }
  }
  return found;
}
