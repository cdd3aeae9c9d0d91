package io.stride.localstack;

import java.util.Map;

/**
 * One of our services as the local stack runs it.
 *
 * @param name the process's name in this stack, e.g. {@code profile-service} or {@code gateway-2}
 * @param module the module whose runnable jar it runs, e.g. {@code gateway}
 * @param port HTTP port
 * @param managementPort actuator port, or the HTTP port when the service has none of its own
 * @param environment extra environment for the process
 */
public record ServiceSpec(
    String name, String module, int port, int managementPort, Map<String, String> environment) {}
