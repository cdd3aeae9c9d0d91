package io.stride.social.interactions;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A comment's plain text (1–2,000 characters; stored and returned as text, never as HTML) and the
 * athletes it mentions (the text's {@code @Name}s, as the app resolved them); mentions of athletes
 * the author may not see, or who may not see the workout, are dropped.
 */
record CommentRequest(
    @Schema(example = "Strong finish on the last climb, @Ada Runner!")
        @NotNull
        @Size(min = 1, max = 2000)
        String text,
    @Schema(description = "Athletes the text mentions, at most 20") @Size(max = 20)
        List<@NotNull UUID> mentions) {

  List<UUID> mentionsOrNone() {
    return mentions == null ? List.of() : mentions;
  }
}
