package io.stride.platform.test;

import java.util.concurrent.Flow;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads a Server-Sent Events stream line by line (for {@code
 * HttpResponse.BodyHandlers.fromLineSubscriber}) and hands each event's name and data on: {@code
 * message} when it has no {@code event:} line. Comments (heartbeats) and ids are passed over.
 */
public final class SseLines implements Flow.Subscriber<String> {

  private final BiConsumer<String, String> onEvent;
  private final Consumer<Flow.Subscription> onSubscribe;
  private final Runnable onEnd;
  private String name = "message";

  /**
   * @param onEvent each event's name and data, in order
   * @param onSubscribe the subscription, to cancel the stream with
   * @param onEnd the stream ended or broke
   */
  public SseLines(
      BiConsumer<String, String> onEvent, Consumer<Flow.Subscription> onSubscribe, Runnable onEnd) {
    this.onEvent = onEvent;
    this.onSubscribe = onSubscribe;
    this.onEnd = onEnd;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    onSubscribe.accept(subscription);
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(String line) {
    if (line.startsWith("event:")) {
      name = line.substring(6).trim();
    } else if (line.startsWith("data:")) {
      onEvent.accept(name, line.substring(5).trim());
    } else if (line.isEmpty()) {
      name = "message";
    }
  }

  @Override
  public void onError(Throwable error) {
    onEnd.run();
  }

  @Override
  public void onComplete() {
    onEnd.run();
  }
}
