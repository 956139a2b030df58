// OpenAPI: /api/cart (read, add, set, remove) and POST /api/cart/checkout.
import {
  addCartItemSchema,
  cartSchema,
  checkoutRequestSchema,
  checkoutResponseSchema,
  gpuIdParam,
  setCartItemSchema,
} from '@gpu/shared';
import {
  bearerSecurity,
  idempotencyKeyHeaders,
  json,
  jsonBody,
  problems,
  type OpenAPIRegistry,
} from '../../http/openapi-common.js';

export function registerCartOpenApi(registry: OpenAPIRegistry): void {
  const tags = ['cart'];
  const Cart = registry.register('Cart', cartSchema);
  const cartAnswer = json(Cart, 'The whole cart after the change (also pushed as `cart:update` to every tab)');

  registry.registerPath({
    method: 'get',
    path: '/api/cart',
    tags,
    summary: "The signed-in user's cart",
    description: '`stock` is the live stock of each product (0 for a product no longer sold).',
    security: bearerSecurity,
    responses: { 200: json(Cart, 'The cart'), ...problems(401) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/cart/items',
    tags,
    summary: 'Add units of a product',
    description: 'Adds to the line if present. Refused with 409 when the cart would hold more than the stock.',
    security: bearerSecurity,
    request: { body: jsonBody(registry.register('AddCartItem', addCartItemSchema)) },
    responses: { 200: cartAnswer, ...problems(400, 401, 404, 409) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/cart/items/{gpuId}',
    tags,
    summary: "Set a line's quantity (0 removes it)",
    security: bearerSecurity,
    request: { params: gpuIdParam, body: jsonBody(registry.register('SetCartItem', setCartItemSchema)) },
    responses: { 200: cartAnswer, ...problems(400, 401, 404, 409) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/cart/items/{gpuId}',
    tags,
    summary: 'Remove a line (removing an absent line is not an error)',
    security: bearerSecurity,
    request: { params: gpuIdParam },
    responses: { 200: cartAnswer, ...problems(400, 401) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/cart/checkout',
    tags,
    summary: 'Turn the cart into an order',
    description:
      'One transaction: stock is decremented for every line or for none. `Idempotency-Key` is required: the first ' +
      'final answer (201 or 422) is stored per user and key and replayed for repeats, with `Idempotent-Replayed: true`; ' +
      'the same key with a different cart or body is a 422. A 409 (not enough stock, or `expectedTotal` no longer ' +
      'matching) is not stored: fix the cart and retry with the same key.',
    security: bearerSecurity,
    request: {
      headers: idempotencyKeyHeaders,
      body: {
        content: { 'application/json': { schema: registry.register('CheckoutRequest', checkoutRequestSchema) } },
        required: false,
      },
    },
    responses: {
      201: {
        ...json(registry.register('CheckoutResponse', checkoutResponseSchema), 'Order created'),
        headers: {
          'Idempotent-Replayed': { description: '`true` on a replay of a stored answer', schema: { type: 'string' } },
        },
      },
      ...problems(400, 401, 409, 422),
    },
  });
}
