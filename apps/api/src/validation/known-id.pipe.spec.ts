import { NotFoundError } from '../errors/not-found.error';
import { KnownIdPipe } from './known-id.pipe';

describe('KnownIdPipe', () => {
  const pipe = new KnownIdPipe('finding');

  it('passes a uuid through, lower-cased', () => {
    expect(pipe.transform('0B6C2F5E-3F0A-4D8E-9A51-0F0F3C1B2A11')).toBe('0b6c2f5e-3f0a-4d8e-9a51-0f0f3c1b2a11');
  });

  it.each(['42', "1' OR '1'='1", '0b6c2f5e3f0a4d8e9a510f0f3c1b2a11', ''])('treats %j as an unknown finding', (id) => {
    expect(() => pipe.transform(id)).toThrow(NotFoundError);
  });
});
