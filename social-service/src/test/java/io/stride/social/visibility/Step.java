package io.stride.social.visibility;

import io.stride.social.visibility.Relation.Follow;

/**
 * One thing the owner or the viewer does, and what it changes in the expected {@link Relation}. The
 * service must answer each without a 5xx; a step it refuses (following someone in a block,
 * approving a request nobody made) changes nothing.
 */
enum Step {
  VIEWER_FOLLOWS {
    @Override
    void expect(Relation r) {
      if (!r.self && !r.blocked() && r.follow == Follow.NONE) {
        r.follow = r.ownerPrivate ? Follow.PENDING : Follow.APPROVED;
      }
    }
  },
  VIEWER_UNFOLLOWS {
    @Override
    void expect(Relation r) {
      r.follow = Follow.NONE;
    }
  },
  OWNER_APPROVES {
    @Override
    void expect(Relation r) {
      if (r.follow == Follow.PENDING) {
        r.follow = Follow.APPROVED;
      }
    }
  },
  OWNER_DECLINES {
    @Override
    void expect(Relation r) {
      if (r.follow == Follow.PENDING) {
        r.follow = Follow.NONE;
      }
    }
  },
  OWNER_REMOVES_FOLLOWER {
    @Override
    void expect(Relation r) {
      if (r.follow == Follow.APPROVED) {
        r.follow = Follow.NONE;
      }
    }
  },
  VIEWER_BLOCKS {
    @Override
    void expect(Relation r) {
      if (!r.self) {
        r.viewerBlocksOwner = true;
        r.follow = Follow.NONE;
      }
    }
  },
  OWNER_BLOCKS {
    @Override
    void expect(Relation r) {
      if (!r.self) {
        r.ownerBlocksViewer = true;
        r.follow = Follow.NONE;
      }
    }
  },
  VIEWER_UNBLOCKS {
    @Override
    void expect(Relation r) {
      r.viewerBlocksOwner = false;
    }
  },
  OWNER_UNBLOCKS {
    @Override
    void expect(Relation r) {
      r.ownerBlocksViewer = false;
    }
  },
  VIEWER_MUTES {
    @Override
    void expect(Relation r) {
      if (!r.self && !r.blocked()) {
        r.muted = true;
      }
    }
  },
  VIEWER_UNMUTES {
    @Override
    void expect(Relation r) {
      r.muted = false;
    }
  },
  OWNER_TURNS_PRIVATE {
    @Override
    void expect(Relation r) {
      r.ownerPrivate = true;
    }
  },
  OWNER_TURNS_PUBLIC {
    @Override
    void expect(Relation r) {
      r.ownerPrivate = false;
      if (r.follow == Follow.PENDING) {
        r.follow = Follow.APPROVED;
      }
    }
  },
  VIEWER_JOINS_OWNERS_CLUB {
    @Override
    void expect(Relation r) {
      r.sharedClub = true;
    }
  },
  WORKOUT_MADE_PUBLIC,
  WORKOUT_MADE_FOLLOWERS_ONLY,
  WORKOUT_MADE_PRIVATE;

  /** How the step changes what is expected; the workout's visibility steps change no relation. */
  void expect(Relation relation) {}

  /** The visibility a workout step gives the workout; null for the other steps. */
  String visibility() {
    return switch (this) {
      case WORKOUT_MADE_PUBLIC -> "public";
      case WORKOUT_MADE_FOLLOWERS_ONLY -> "followers";
      case WORKOUT_MADE_PRIVATE -> "private";
      default -> null;
    };
  }
}
