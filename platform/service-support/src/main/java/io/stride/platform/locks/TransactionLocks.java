package io.stride.platform.locks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One change of a thing at a time across all of a service's instances: a PostgreSQL advisory lock
 * on a name, held until the surrounding transaction commits or rolls back. Names say what they
 * guard, e.g. {@code "athlete:" + userId}; two places that must not interleave take the same name.
 */
public final class TransactionLocks {

  private TransactionLocks() {}

  /** Waits for the lock on {@code name}; it is released when the current transaction ends. */
  public static void hold(JdbcClient jdbc, String name) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          "a transaction lock outside a transaction is released at once: " + name);
    }
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:name, 0))")
        .param("name", name)
        .query()
        .listOfRows();
  }
}
