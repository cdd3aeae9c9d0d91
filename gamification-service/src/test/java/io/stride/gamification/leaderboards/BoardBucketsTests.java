package io.stride.gamification.leaderboards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bucket of a score and where each bucket ends, the two halves of every rank (ADR 0029). */
class BoardBucketsTests {

  @Test
  void eachBucketEndsWhereTheNextBucketsFirstScoreIs() {
    for (int bucket = 0; bucket < 12_000; bucket++) {
      long end = Boards.bucketEnd(bucket);
      assertThat(Boards.bucketOf(end))
          .as("first score after bucket %d", bucket)
          .isGreaterThan(bucket);
      assertThat(Boards.bucketOf(end - 1))
          .as("last score of bucket %d", bucket)
          .isLessThanOrEqualTo(bucket);
    }
  }

  @Test
  void bucketsAreTheFlooredSquareRootOfSixtyFourTimesTheScoreWithoutRoundingUpAtPerfectSquares() {
    assertThat(Boards.bucketOf(0)).isZero();
    assertThat(Boards.bucketOf(1)).isEqualTo(8);
    assertThat(Boards.bucketOf(20_000)).isEqualTo(1131);
    // 64 * 15,625,000,000 is 1,000,000²: the score starts bucket 1,000,000, the one before does not
    long square = 1_000_000L * 1_000_000L / 64;
    assertThat(Boards.bucketOf(square)).isEqualTo(1_000_000);
    assertThat(Boards.bucketOf(square - 1)).isEqualTo(999_999);
  }

  @Test
  void aBucketAtTwentyKilometresIsAboutThirtyFiveMetresWide() {
    int bucket = Boards.bucketOf(20_000);
    assertThat(Boards.bucketEnd(bucket) - Boards.bucketEnd(bucket - 1)).isBetween(34L, 37L);
  }
}
