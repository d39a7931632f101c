import { describe, expect, it } from 'vitest';
import { Conflict, Forbidden, Invalid, NotFound } from '../../kernel/errors.js';
import { badRequest, mapError } from './open311.errors.js';

describe('errors as the spec lists them', () => {
  it('keeps our own protocol errors, one list item per problem', () => {
    expect(mapError(badRequest('a', 'b'), 'r1')).toEqual({
      status: 400,
      errors: [
        { code: 400, description: 'a' },
        { code: 400, description: 'b' },
      ],
      unexpected: false,
    });
  });

  it('maps the backend’s domain errors: not found 404, forbidden 403, anything else 400', () => {
    expect(mapError(new NotFound('case', 'x'), 'r1').status).toBe(404);
    expect(mapError(new Forbidden('c', 'no'), 'r1').status).toBe(403);
    expect(mapError(new Conflict('c', 'busy'), 'r1').status).toBe(400);
    expect(
      mapError(
        new Invalid('case.outside_district', 'the location lies outside the district', [
          { field: 'lat', message: 'outside' },
        ]),
        'r1',
      ),
    ).toEqual({
      status: 400,
      unexpected: false,
      errors: [
        { code: 400, description: 'the location lies outside the district' },
        { code: 400, description: 'lat: outside' },
      ],
    });
  });

  it('turns a failure of ours into the spec’s general service error (400), to be logged', () => {
    const m = mapError(new Error('connection refused'), 'req-7');
    expect(m).toEqual({
      status: 400,
      unexpected: true,
      errors: [
        {
          code: 400,
          description: 'general service error: the request could not be processed; please report request id req-7',
        },
      ],
    });
  });

  it('maps the framework’s body errors to 400', () => {
    expect(
      mapError(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }), 'r').status,
    ).toBe(400);
    expect(
      mapError(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }), 'r').status,
    ).toBe(400);
  });
});
