package io.stride.recommendation.groups;

import org.jspecify.annotations.Nullable;

/**
 * @param code {@code friends}, {@code sport}, {@code goal-fits} or {@code local}
 * @param count the people followed who are in it ({@code friends})
 */
record GroupSuggestionReason(String code, String text, @Nullable Integer count) {}
