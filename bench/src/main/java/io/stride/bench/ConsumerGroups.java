package io.stride.bench;

import io.stride.localstack.LocalStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

/** A service's consumer group as the broker sees it: how many members, whether it is settled. */
final class ConsumerGroups {

  private ConsumerGroups() {}

  static int members(LocalStack stack, String group) throws Exception {
    try (Admin admin = admin(stack)) {
      return describe(admin, group).members().size();
    }
  }

  /** Waits until the group has {@code members} members and no rebalance is under way. */
  static void awaitStable(LocalStack stack, String group, int members, Duration limit)
      throws Exception {
    long giveUp = System.nanoTime() + limit.toNanos();
    try (Admin admin = admin(stack)) {
      while (true) {
        ConsumerGroupDescription description = describe(admin, group);
        if (description.groupState() == GroupState.STABLE
            && description.members().size() >= members) {
          return;
        }
        if (System.nanoTime() > giveUp) {
          throw new IllegalStateException(
              group + " did not settle with " + members + " members: " + description);
        }
        Thread.sleep(200);
      }
    }
  }

  private static ConsumerGroupDescription describe(Admin admin, String group) throws Exception {
    return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
  }

  private static Admin admin(LocalStack stack) {
    return Admin.create(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()));
  }
}
