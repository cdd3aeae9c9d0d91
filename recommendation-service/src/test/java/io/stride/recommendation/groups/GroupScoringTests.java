package io.stride.recommendation.groups;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.recommendation.groups.GroupScoring.ChallengeCandidate;
import io.stride.recommendation.groups.GroupScoring.ClubCandidate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The documented challenge and club scoring. */
class GroupScoringTests {

  @Test
  void aReachableChallengeOfMySportComesFirstAndOneFarOutOfReachLastEvenAfterOneOfEverySport() {
    ChallengeCandidate reachable = challenge("run", 0.8, false, 1.1, 0);
    ChallengeCandidate outOfReach = challenge("run", 0.8, false, 0.1, 0);
    ChallengeCandidate anySport = challenge(null, null, false, 1.0, 0);
    assertThat(GroupScoring.rankChallenges(List.of(anySport, outOfReach, reachable), true, 10))
        .extracting(GroupScoring.Scored::id)
        .containsExactly(reachable.challengeId(), anySport.challengeId(), outOfReach.challengeId());
  }

  @Test
  void aChallengeOfASportIDoNotDoIsNoSuggestionUnlessIHaveNoWorkoutsYet() {
    ChallengeCandidate swim = challenge("swim", 0.0, false, null, 3);
    assertThat(GroupScoring.rankChallenges(List.of(swim), true, 10)).isEmpty();
    assertThat(GroupScoring.rankChallenges(List.of(swim), false, 10)).hasSize(1);
  }

  @Test
  void friendsInAChallengeAndItsBeingLocalAreReasonsWithSentences() {
    ChallengeCandidate local = challenge("run", 1.0, true, 1.0, 2);
    GroupScoring.Scored scored = GroupScoring.rankChallenges(List.of(local), true, 10).get(0);
    assertThat(scored.reasons())
        .extracting(reason -> reason.text("challenge"))
        .containsExactly(
            "2 athletes you follow are in this challenge",
            "For running, one of your sports",
            "At your usual pace you would reach 100% of the goal by the end",
            "For athletes of your region or club");
  }

  @Test
  void clubsOfMyRegionAndSportComeFirstAndAClubOfEverySportStillCounts() {
    ClubCandidate mine = new ClubCandidate(UUID.randomUUID(), "run", 0.9, 1, 0, 10);
    ClubCandidate country = new ClubCandidate(UUID.randomUUID(), "run", 0.9, 0.5, 0, 10);
    ClubCandidate general = new ClubCandidate(UUID.randomUUID(), null, null, 1, 0, 10);
    ClubCandidate swim = new ClubCandidate(UUID.randomUUID(), "swim", 0.0, 1, 3, 100);
    assertThat(GroupScoring.rankClubs(List.of(swim, general, country, mine), true, 10))
        .extracting(GroupScoring.Scored::id)
        .containsExactly(mine.clubId(), country.clubId(), general.clubId());
  }

  @Test
  void goalFitIsOneWhenTheUsualPaceJustReachesTheTarget() {
    assertThat(GroupScoring.ratioFit(1)).isEqualTo(1);
    assertThat(GroupScoring.ratioFit(2)).isEqualTo(0.5);
    assertThat(GroupScoring.ratioFit(0.5)).isEqualTo(0.5);
    assertThat(GroupScoring.ratioFit(0)).isZero();
  }

  private static ChallengeCandidate challenge(
      String sport, Double share, boolean local, Double expected, int friends) {
    return new ChallengeCandidate(UUID.randomUUID(), sport, share, local, expected, friends, 20);
  }
}
