import type { FastifyInstance } from 'fastify';
import { BUNDLE_PATH } from './bundle-download.controller.js';

/** What Fastify's body parser refused (its error code), as the sentence /bundle answers with. */
function describeBodyError(code: unknown, bodyLimit: number): string | undefined {
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `the request body is larger than ${bodyLimit} bytes, the most this service reads`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'the request body could not be read: send application/json';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'the request body is empty; send a JSON object with app, target and format';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'the request body could not be read: it is not valid JSON';
    default:
      return undefined;
  }
}

/**
 * A body Fastify could not parse never reaches the download controller: Fastify answers it
 * itself, through Nest's error layer, with `{statusCode, code, error, message}`. For /bundle that
 * answer is rewritten into the `{problems}` every other refusal of it has (same status), told
 * apart by Fastify's error code, not its wording. Other routes keep what they had.
 */
export function registerBundleBodyErrors(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode < 400 || typeof payload !== 'string' || request.url.split('?')[0] !== BUNDLE_PATH) return payload;
    let code: unknown;
    try {
      code = (JSON.parse(payload) as { code?: unknown }).code;
    } catch {
      return payload;
    }
    const message = describeBodyError(code, bodyLimit);
    if (message === undefined) return payload;
    reply.header('cache-control', 'no-store').type('application/json; charset=utf-8');
    return JSON.stringify({ problems: [{ code: 'INPUT_INVALID', path: 'body', message }] });
  });
}
