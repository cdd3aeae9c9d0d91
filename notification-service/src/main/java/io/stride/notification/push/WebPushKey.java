package io.stride.notification.push;

/**
 * The VAPID public key browsers subscribe with.
 *
 * @param publicKey base64url of the uncompressed P-256 point: the {@code applicationServerKey} of
 *     {@code pushManager.subscribe}
 */
record WebPushKey(String publicKey) {}
