import { describe, expect, it } from 'vitest';
import { gpuCreateSchema, gpuUpdateSchema } from './gpu.js';

describe('gpuUpdateSchema', () => {
  it('keeps only the fields sent (no create defaults sneak in)', () => {
    expect(gpuUpdateSchema.parse({ price: 10 })).toEqual({ price: 10 });
    expect(gpuUpdateSchema.parse({ stock: 0 })).toEqual({ stock: 0 });
  });
  it('is strict and needs at least one field', () => {
    expect(gpuUpdateSchema.safeParse({}).success).toBe(false);
    expect(gpuUpdateSchema.safeParse({ price: 10, role: 'admin' }).success).toBe(false);
    expect(gpuUpdateSchema.safeParse({ price: 0 }).success).toBe(false);
    expect(gpuUpdateSchema.safeParse({ stock: 1.5 }).success).toBe(false);
  });
  it('create still fills its defaults', () => {
    const created = gpuCreateSchema.parse({ sku: 'A-1', name: 'Card', brand: 'AMD', vramGb: 8, price: 1, stock: 0 });
    expect(created).toMatchObject({ isActive: true, specs: {} });
    expect(created.description).toBeUndefined();
  });
});
