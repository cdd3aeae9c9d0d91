package io.stride.drills;

import io.stride.infra.FreePorts;
import io.stride.localstack.LocalStack;
import io.stride.localstack.StackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The edge drills of drills/README.md against the whole local stack: {@code lb} (HAProxy, two
 * gateways, one killed), {@code waf} (ModSecurity + OWASP CRS: attacks blocked, the normal journey
 * passes) and {@code cdn} (an nginx cache in front: what is public is cached and revalidated, what
 * is private never is). Prints the counts; exits non-zero when a target is missed.
 */
public final class DrillMain {

  private DrillMain() {}

  public static void main(String[] args) throws Exception {
    List<String> known = List.of("lb", "waf", "cdn", "alerts");
    List<String> drills = args.length == 0 ? known : List.of(args);
    for (String drill : drills) {
      if (!known.contains(drill)) {
        System.err.println("unknown drill " + drill + " " + known);
        System.exit(2);
      }
    }
    Path root = Path.of(System.getProperty("stride.repo.root", ".")).toAbsolutePath().normalize();
    Path work = Files.createTempDirectory("stride-drills");
    int edgePort = FreePorts.find();
    StackConfig config =
        StackConfig.freePorts(root, work.resolve("data"))
            .withEnvironment(
                Map.of(
                    // every token names the drill's front as its issuer: the sign-in's redirects
                    // stay behind it
                    "STRIDE_ISSUER", "http://localhost:" + edgePort,
                    // one load generator on loopback is one client IP: budgets above what it
                    // sends (the filters still run)
                    "STRIDE_RATE_LIMIT_PER_USER", "1000000,1000000",
                    "STRIDE_RATE_LIMIT_PER_CLIENT", "1000000,1000000",
                    "STRIDE_RATE_LIMIT_PER_IP", "1000000,1000000",
                    "STRIDE_RATE_LIMIT_SENSITIVE_PER_IP", "1000000,1000000",
                    "STRIDE_DEVICE_POLL_INTERVAL", "1s"));
    Report report = new Report();
    System.out.println("Starting the stack (" + work + ") ...");
    try (LocalStack stack = LocalStack.start(config)) {
      Edge edge = new Edge(stack, edgePort, work);
      for (String drill : drills) {
        System.out.println("Drill " + drill + " ...");
        try {
          switch (drill) {
            case "lb" -> LoadBalancerDrill.run(edge, report);
            case "waf" -> WafDrill.run(edge, report);
            case "cdn" -> CdnDrill.run(edge, report);
            default -> AlertDrill.run(edge, report);
          }
        } catch (Exception | AssertionError e) {
          report.failed(drill, e instanceof Exception ex ? ex : new IllegalStateException(e));
          e.printStackTrace();
        }
      }
    }
    System.out.println();
    System.out.println("Stride edge drills (logs and configurations in " + work + ")");
    report.print();
    System.exit(report.misses().isEmpty() ? 0 : 1);
  }
}
