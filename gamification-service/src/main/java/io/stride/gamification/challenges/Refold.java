package io.stride.gamification.challenges;

import java.util.UUID;

/**
 * Folds an athlete's whole history into their standing again (implemented where standings are
 * kept): joining or leaving a challenge changes what the history earns.
 */
public interface Refold {

  /** Runs in the caller's transaction, under the athlete's lock. */
  void refold(UUID athleteId);
}
