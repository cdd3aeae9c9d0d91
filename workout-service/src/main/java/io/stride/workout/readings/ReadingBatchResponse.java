package io.stride.workout.readings;

/**
 * What happened to a batch: {@code stored} new samples (fewer than sent when some were stored
 * before), or {@code duplicateBatch} when this batch number was already received.
 */
record ReadingBatchResponse(long batch, int received, int stored, boolean duplicateBatch) {}
