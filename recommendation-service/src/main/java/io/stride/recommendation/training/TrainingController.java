package io.stride.recommendation.training;

import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Today's training suggestion and the athlete's answer to it. */
@Tag(name = "Training suggestions")
@RestController
@Validated
@RequestMapping("/api/v1/recommendations/training")
class TrainingController {

  private final TrainingSuggestions suggestions;

  TrainingController(TrainingSuggestions suggestions) {
    this.suggestions = suggestions;
  }

  @Operation(
      operationId = "getTodaysTrainingSuggestion",
      summary =
          "Today's suggestion (rest, easy, steady, hard, long), why, and the numbers behind it")
  @ApiResponse(responseCode = "200", description = "The suggestion", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "Stride has no profile of the caller yet")
  @GetMapping("/today")
  TrainingSuggestionView today(CurrentUser user) {
    return TrainingSuggestionView.of(suggestions.today(user.id()));
  }

  @Operation(
      operationId = "answerTrainingSuggestion",
      summary =
          "Accept today's suggestion, dismiss it, or say not today (later suggestions take it into"
              + " account); answering again replaces the answer")
  @ApiResponse(
      responseCode = "200",
      description = "Today's suggestion now",
      useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "Stride has no profile of the caller yet")
  @ApiResponse(
      responseCode = "409",
      description = "Today's suggestion changed since the caller saw it (it names the new one)")
  @PutMapping("/{day}/answer")
  TrainingSuggestionView answer(
      CurrentUser user,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      @RequestBody @Valid TrainingAnswer answer) {
    return TrainingSuggestionView.of(
        suggestions.answer(user.id(), day, Kind.of(answer.suggestion()), answer.response()));
  }

  /**
   * The answer to today's suggestion.
   *
   * @param suggestion the suggestion answered, as shown (a suggestion changed since is not
   *     answered)
   */
  record TrainingAnswer(
      @NotNull
          @Pattern(
              regexp = "rest|easy|steady|hard|long",
              message = "must be rest, easy, steady, hard or long")
          @Schema(allowableValues = {"rest", "easy", "steady", "hard", "long"})
          String suggestion,
      @NotNull
          @Pattern(
              regexp = "accepted|dismissed|not-today",
              message = "must be accepted, dismissed or not-today")
          @Schema(allowableValues = {"accepted", "dismissed", "not-today"})
          String response) {}

  /**
   * @param day the athlete's local date the suggestion is for
   * @param answer the athlete's answer to this suggestion, null before one
   */
  record TrainingSuggestionView(
      LocalDate day,
      @Schema(allowableValues = {"rest", "easy", "steady", "hard", "long"}) String suggestion,
      List<TrainingReasonView> reasons,
      TrainingNumbers numbers,
      @Nullable @Schema(allowableValues = {"accepted", "dismissed", "not-today"}) String answer,
      Instant computedAt) {

    static TrainingSuggestionView of(TrainingSuggestions.Stored stored) {
      return new TrainingSuggestionView(
          stored.day(),
          stored.kind().code(),
          stored.reasons().stream()
              .map(reason -> new TrainingReasonView(reason.code(), reason.text()))
              .toList(),
          stored.numbers(),
          stored.feedback(),
          stored.computedAt());
    }
  }

  /**
   * @param code {@code readiness-low}, {@code days-in-a-row}, {@code load-spike}, {@code fresh} …
   *     (docs/recommendations.md lists them)
   */
  record TrainingReasonView(String code, String text) {}
}
