import { notImplemented } from "../not-implemented";

export const getOrders = notImplemented;
export const getOrderHistory = notImplemented;
export const getOrder = notImplemented;
export const previewOrder = notImplemented;
export const previewOrderCosts = notImplemented;
export const placeOrder = notImplemented;
export const previewModifyOrder = notImplemented;
export const modifyOrder = notImplemented;
export const cancelOrder = notImplemented;
