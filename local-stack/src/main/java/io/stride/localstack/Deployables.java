package io.stride.localstack;

import io.stride.catalog.Service;
import io.stride.catalog.ServiceCatalog;

/**
 * Prints the deployables of {@code services.yml}, one a line: module, HTTP port, the port that
 * answers {@code /actuator/health}. {@code docker/build-images.sh} builds an image for each, so a
 * service added to the catalog gets its image without another edit.
 */
public final class Deployables {

  private Deployables() {}

  public static void main(String[] args) {
    ServiceCatalog catalog = ServiceCatalog.load();
    System.out.println(
        "gateway " + catalog.gateway().port() + " " + catalog.gateway().managementPort());
    for (Service service : catalog.services()) {
      System.out.println(service.name() + " " + service.port() + " " + service.port());
    }
  }
}
