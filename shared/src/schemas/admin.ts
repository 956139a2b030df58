import type { OrderItem } from './orders.js';

export interface InventoryItem {
  gpuId: string;
  name: string;
  stock: number;
  price: number;
  isActive: boolean;
  /** The product's stock version: a later `stock:update` with a lower one is stale. */
  version: number;
}
export interface InventorySnapshotEvent {
  items: InventoryItem[];
}
export interface OrderCreatedEvent {
  orderId: string;
  userId: string;
  items: OrderItem[];
  total: number;
  createdAt?: string;
}
export interface StatsEvent {
  connectedClients: number;
  activeChats: number;
  instances: number;
}
