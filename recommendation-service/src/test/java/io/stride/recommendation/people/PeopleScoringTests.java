package io.stride.recommendation.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.recommendation.people.PeopleScoring.Candidate;
import io.stride.recommendation.people.PeopleScoring.SharedClub;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The documented people scoring: its terms, its order, and what a private account may show. */
class PeopleScoringTests {

  private static final SharedClub ISAR = new SharedClub(UUID.randomUUID(), "Isar Runners");

  @Test
  void friendsInCommonOutweighASharedClubWhichOutweighsBeingNearby() {
    Candidate friends = candidate(3, List.of(), false, 0, 0, false);
    Candidate club = candidate(0, List.of(ISAR), false, 0, 0, false);
    Candidate nearby = candidate(0, List.of(), true, 1, 0.9, false);
    List<PeopleScoring.Scored> ranked = PeopleScoring.rank(List.of(nearby, club, friends), 10);
    assertThat(ranked)
        .extracting(PeopleScoring.Scored::athleteId)
        .containsExactly(friends.athleteId(), club.athleteId(), nearby.athleteId());
    assertThat(ranked.get(0).score())
        .as("ln(1 + 3 friends) + 0.05 × ln(1 + 10 followers)")
        .isCloseTo(Math.log(4) + 0.05 * Math.log(11), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ranked.get(0).reasons().get(0).text()).isEqualTo("3 friends in common");
    assertThat(ranked.get(1).reasons().get(0).text()).isEqualTo("In your club Isar Runners");
    assertThat(ranked.get(2).reasons().get(0).text())
        .isEqualTo("Does running in your region at a level like yours");
  }

  @Test
  void aPrivateAccountIsSuggestedOnlyToFellowClubMembers() {
    Candidate hiddenFriendOfFriend = candidate(5, List.of(), true, 1, 1, true);
    Candidate clubMate = candidate(5, List.of(ISAR), true, 1, 1, true);
    List<PeopleScoring.Scored> ranked =
        PeopleScoring.rank(List.of(hiddenFriendOfFriend, clubMate), 10);
    assertThat(ranked)
        .extracting(PeopleScoring.Scored::athleteId)
        .containsExactly(clubMate.athleteId());
    assertThat(ranked.get(0).reasons())
        .as("its follows and workouts are hidden: only the club speaks for it")
        .extracting(PersonReason::code)
        .containsExactly("club");
  }

  @Test
  void someoneNearbyAtAnotherLevelOrInOtherSportsIsNoSuggestion() {
    double farLevel = PeopleScoring.levelSimilarity(1, 12);
    assertThat(PeopleScoring.rank(List.of(candidate(0, List.of(), true, 1, farLevel, false)), 10))
        .isEmpty();
    assertThat(PeopleScoring.rank(List.of(candidate(0, List.of(), true, 0, 1, false)), 10))
        .isEmpty();
  }

  @Test
  void sportOverlapIsJaccardAndLevelSimilarityFallsWithTheRatio() {
    assertThat(PeopleScoring.sportOverlap(Set.of("run", "ride"), Set.of("run"))).isEqualTo(0.5);
    assertThat(PeopleScoring.sportOverlap(Set.of(), Set.of("run"))).isZero();
    assertThat(PeopleScoring.levelSimilarity(4, 4)).isEqualTo(1);
    assertThat(PeopleScoring.levelSimilarity(1.5, 3.5)).isEqualTo(0.5);
  }

  @Test
  void theListKeepsTheBestAndOrdersTiesByFollowers() {
    Candidate popular =
        new Candidate(UUID.randomUUID(), 1, List.of(), false, null, 0, 0, 500, false);
    Candidate quiet = new Candidate(UUID.randomUUID(), 1, List.of(), false, null, 0, 0, 2, false);
    Candidate most = new Candidate(UUID.randomUUID(), 4, List.of(), false, null, 0, 0, 0, false);
    assertThat(PeopleScoring.rank(List.of(quiet, popular, most), 2))
        .extracting(PeopleScoring.Scored::athleteId)
        .containsExactly(most.athleteId(), popular.athleteId());
  }

  private static Candidate candidate(
      int friends,
      List<SharedClub> clubs,
      boolean sameRegion,
      double overlap,
      double level,
      boolean privateAccount) {
    return new Candidate(
        UUID.randomUUID(), friends, clubs, sameRegion, "run", overlap, level, 10, privateAccount);
  }
}
