package io.stride.auth.accounts;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Takes reset requests off the request thread, one at a time in arrival order, so the answer comes
 * back equally fast whether or not the email has an account (the lookup, the link and its event
 * happen afterwards). A request that does not fit the queue is dropped: the person sees the same
 * page and can ask again, and the gateway limits how often one address may ask.
 */
@Component
class PasswordResetRequests implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(PasswordResetRequests.class);

  private final PasswordResets resets;
  private final ThreadPoolExecutor worker =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(1_000),
          work -> {
            Thread thread = new Thread(work, "password-reset-requests");
            thread.setDaemon(true);
            return thread;
          });

  PasswordResetRequests(PasswordResets resets) {
    this.resets = resets;
  }

  void submit(String email) {
    try {
      worker.execute(
          () -> {
            try {
              resets.request(email);
            } catch (RuntimeException e) {
              log.warn("A password reset request could not be handled", e);
            }
          });
    } catch (RejectedExecutionException full) {
      log.warn("Password reset request dropped: {} waiting", worker.getQueue().size());
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    worker.shutdown();
    worker.awaitTermination(10, TimeUnit.SECONDS);
  }
}
