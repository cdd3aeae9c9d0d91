package io.stride.localstack;

import java.util.Map;

/**
 * One of our services as the local stack runs it.
 *
 * @param name module and artifact name, e.g. {@code profile-service}
 * @param port HTTP port
 * @param managementPort actuator port, or the HTTP port when the service has none of its own
 * @param environment extra environment for the process
 */
public record ServiceSpec(
    String name, int port, int managementPort, Map<String, String> environment) {}
