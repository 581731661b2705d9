import type { NextFunction, Request, Response } from 'express';
import { Draining, DrainingMiddleware } from './draining';

function response() {
  const res = { status: jest.fn(), set: jest.fn(), json: jest.fn() };
  res.status.mockReturnValue(res);
  res.set.mockReturnValue(res);
  return res;
}

describe('DrainingMiddleware', () => {
  it('passes requests through until shutdown begins', () => {
    const draining = new Draining();
    const next = jest.fn() as NextFunction;
    new DrainingMiddleware(draining).use({} as Request, response() as unknown as Response, next);
    expect(next).toHaveBeenCalled();
  });

  it('answers a retryable 503 and closes the connection once draining', () => {
    const draining = new Draining();
    draining.onModuleDestroy();
    const res = response();
    const next = jest.fn() as NextFunction;
    new DrainingMiddleware(draining).use({} as Request, res as unknown as Response, next);
    expect(next).not.toHaveBeenCalled();
    expect(res.status).toHaveBeenCalledWith(503);
    expect(res.set).toHaveBeenCalledWith({ 'Retry-After': '1', Connection: 'close' });
    expect(res.json).toHaveBeenCalledWith(expect.objectContaining({ statusCode: 503, error: 'Service Unavailable' }));
  });
});
