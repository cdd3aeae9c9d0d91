package io.stride.notification.delivery;

import io.stride.notification.types.Channel;

/**
 * Sends the due deliveries of one channel, one at a time, for {@link DeliveryWorker}. Throwing
 * means "try again later" (with backoff, until the attempts run out); an {@link Outcome} is final.
 */
public interface ChannelSender {

  Channel channel();

  Outcome send(Due due);
}
