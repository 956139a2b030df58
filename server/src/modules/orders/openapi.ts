// OpenAPI: GET /api/orders.
import { z } from 'zod';
import { orderListSchema, orderSchema } from '@gpu/shared';
import { bearerSecurity, json, problems, type OpenAPIRegistry } from '../../http/openapi-common.js';

export function registerOrdersOpenApi(registry: OpenAPIRegistry): void {
  const Order = registry.register('Order', orderSchema);
  const OrderList = registry.register('OrderList', orderListSchema.extend({ items: z.array(Order) }));
  registry.registerPath({
    method: 'get',
    path: '/api/orders',
    tags: ['orders'],
    summary: "The signed-in user's orders, newest first (the latest 100)",
    security: bearerSecurity,
    responses: { 200: json(OrderList, 'Orders'), ...problems(401) },
  });
}
