package io.stride.profile.profiles;

import io.stride.contracts.social.Blocked;
import io.stride.contracts.social.Unblocked;
import io.stride.platform.blocks.BlockedPairs;
import io.stride.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/** Keeps social-service's blocks: neither of a blocked pair sees the other's public profile. */
@Component
class BlockEventsListener {

  private final BlockedPairs blocks;

  BlockEventsListener(BlockedPairs blocks) {
    this.blocks = blocks;
  }

  @EventHandler
  void on(Blocked event) {
    blocks.apply(event);
  }

  @EventHandler
  void on(Unblocked event) {
    blocks.apply(event);
  }
}
