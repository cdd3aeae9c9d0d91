package io.stride.integration.connectors;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Listed in the tests' {@code META-INF/spring.factories}, so every test context (one for all the
 * module's tests) gets it before any bean reads its settings: the JVM's Strava stub, the connector
 * pointed at it, and the stub as a bean for tests to drive.
 */
public class StravaStubInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static StravaStub stub;

  private static synchronized StravaStub stub() {
    if (stub == null) {
      stub = new StravaStub();
      Runtime.getRuntime().addShutdownHook(new Thread(stub::close));
    }
    return stub;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    StravaStub strava = stub();
    TestPropertyValues.of("stride.integration.imports.strava.base-url=" + strava.url())
        .applyTo(context);
    context.getBeanFactory().registerSingleton("stravaStub", strava);
  }
}
