package io.stride.social.visibility;

/**
 * What the visibility matrix expects of one owner and one viewer after a history of steps: the
 * rules of ADR 0026 written out once more, independently of the service's SQL.
 */
final class Relation {

  enum Follow {
    NONE,
    PENDING,
    APPROVED
  }

  final boolean self;
  boolean ownerPrivate;
  Follow follow = Follow.NONE;
  boolean viewerBlocksOwner;
  boolean ownerBlocksViewer;
  boolean muted;
  boolean sharedClub;

  Relation(boolean self, boolean ownerPrivate) {
    this.self = self;
    this.ownerPrivate = ownerPrivate;
  }

  boolean blocked() {
    return viewerBlocksOwner || ownerBlocksViewer;
  }

  boolean approved() {
    return follow == Follow.APPROVED;
  }

  /** workout-service's rule: owner; public of a public account; followers' for approved ones. */
  boolean maySee(String visibility) {
    if (self) {
      return true;
    }
    if (blocked()) {
      return false;
    }
    return switch (visibility) {
      case "public" -> !ownerPrivate || approved();
      case "followers" -> approved();
      default -> false;
    };
  }

  boolean inHomeFeed(String visibility) {
    return self || (maySee(visibility) && approved() && !muted);
  }

  boolean inClubFeed(String visibility) {
    return sharedClub && (self || (maySee(visibility) && !muted));
  }

  boolean seesCard() {
    return self || !blocked();
  }

  boolean seesFollowerList() {
    return self || (!blocked() && (!ownerPrivate || approved()));
  }

  boolean findsInSearch() {
    return self || (!blocked() && (!ownerPrivate || approved()));
  }

  boolean listedAsFollower() {
    return !self && approved();
  }

  boolean seesOwnerAmongClubMembers() {
    return sharedClub && seesCard();
  }

  /** The viewer's standing, for the statistics of what the tries covered. */
  String kind() {
    if (self) {
      return "self";
    }
    String standing =
        viewerBlocksOwner && ownerBlocksViewer
            ? "blocked both ways"
            : viewerBlocksOwner
                ? "blocks the owner"
                : ownerBlocksViewer ? "blocked" : follow.name();
    return standing + (muted ? ", muted" : "") + (sharedClub ? ", club member" : "");
  }

  @Override
  public String toString() {
    return "self="
        + self
        + " ownerPrivate="
        + ownerPrivate
        + " follow="
        + follow
        + " viewerBlocks="
        + viewerBlocksOwner
        + " ownerBlocks="
        + ownerBlocksViewer
        + " muted="
        + muted
        + " club="
        + sharedClub;
  }
}
