package io.stride.integration.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.integration.connectors.ImportConnector.RemoteActivity;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Strava streams written as the TCX file workout-service imports. */
class StravaTcxTests {

  private static final String TCX = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2";
  private static final String TPX = "http://www.garmin.com/xmlschemas/ActivityExtension/v2";
  private static final Instant START = Instant.parse("2026-11-30T07:00:00Z");

  private static RemoteActivity ride(String device) {
    return new RemoteActivity(
        "42", "Commute <home> & back", "VirtualRide", START, 2, 10.0, false, "public", device);
  }

  @Test
  void everySampleBecomesATrackpointAtItsSecondsFromTheStartInTheTcxNamespaces() throws Exception {
    JsonNode streams =
        JsonMapper.builder()
            .build()
            .readTree(
                """
                {"time": {"data": [0, 1, 2]},
                 "latlng": {"data": [[52.5, 13.4], [52.50001, 13.40001], [52.50002, 13.40002]]},
                 "altitude": {"data": [30.5, 31.0, 31.5]},
                 "distance": {"data": [0.0, 5.0, 10.0]},
                 "heartrate": {"data": [110, 111, 112]},
                 "cadence": {"data": [80, 81, 82]},
                 "watts": {"data": [200, null, 210]}}
                """);

    Document tcx = parse(StravaTcx.of(ride("Wahoo KICKR"), streams));

    Element activity = (Element) tcx.getElementsByTagNameNS(TCX, "Activity").item(0);
    assertThat(activity.getAttribute("Sport")).isEqualTo("Biking");
    assertThat(tcx.getElementsByTagNameNS(TCX, "Trackpoint").getLength()).isEqualTo(3);
    assertThat(tcx.getElementsByTagNameNS(TCX, "Time").item(2).getTextContent())
        .isEqualTo("2026-11-30T07:00:02Z");
    assertThat(tcx.getElementsByTagNameNS(TCX, "LatitudeDegrees").item(1).getTextContent())
        .isEqualTo("52.50001");
    assertThat(tcx.getElementsByTagNameNS(TCX, "Cadence").item(0).getTextContent()).isEqualTo("80");
    assertThat(tcx.getElementsByTagNameNS(TPX, "Watts").getLength())
        .as("a gap in the power stream is left out, not written as 0")
        .isEqualTo(2);
    Element creator = (Element) tcx.getElementsByTagNameNS(TCX, "Creator").item(0);
    assertThat(creator.getTextContent()).isEqualTo("Wahoo KICKR");
  }

  @Test
  void anActivityWithoutATimeStreamHasNoFile() {
    JsonNode streams = JsonMapper.builder().build().readTree("{\"distance\": {\"data\": [1.0]}}");

    assertThat(StravaTcx.of(ride(null), streams)).isNull();
  }

  @Test
  void stravaSportTypesMapToStridesSports() {
    assertThat(StravaSports.stride("TrailRun")).isEqualTo("trail_run");
    assertThat(StravaSports.stride("VirtualRide")).isEqualTo("indoor_ride");
    assertThat(StravaSports.stride("Kitesurf")).isEqualTo("other");
    assertThat(StravaSports.tcx("TrailRun")).isEqualTo("Running");
    assertThat(StravaSports.tcx("Swim")).isEqualTo("Other");
  }

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }
}
