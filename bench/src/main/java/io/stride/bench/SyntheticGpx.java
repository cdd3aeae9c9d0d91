package io.stride.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A GPX ride of a given size as a Garmin device writes it: one point per second with elevation,
 * time, heart rate, cadence and power in the TrackPointExtension, on a wobbly loop.
 */
final class SyntheticGpx {

  private SyntheticGpx() {}

  static byte[] ofSize(int bytes) {
    StringBuilder gpx =
        new StringBuilder(bytes + 1024)
            .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<gpx version=\"1.1\" creator=\"Stride bench\"")
            .append(" xmlns=\"http://www.topografix.com/GPX/1/1\"")
            .append(" xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n")
            .append("<trk><name>Bench ride</name><type>cycling</type><trkseg>\n");
    Instant start = Instant.parse("2026-06-01T07:00:00Z");
    for (int i = 0; gpx.length() < bytes - 40; i++) {
      double angle = i / 1800.0 * Math.PI;
      double lat = 45.5 + 0.02 * Math.sin(angle) + 0.00001 * Math.sin(i / 7.0);
      double lon = 6.1 + 0.03 * Math.cos(angle);
      gpx.append(
          String.format(
              "<trkpt lat=\"%.7f\" lon=\"%.7f\"><ele>%.1f</ele><time>%s</time><extensions>"
                  + "<gpxtpx:TrackPointExtension><gpxtpx:hr>%d</gpxtpx:hr><gpxtpx:cad>%d</gpxtpx:cad>"
                  + "</gpxtpx:TrackPointExtension><power>%d</power></extensions></trkpt>\n",
              lat,
              lon,
              400 + 80 * Math.sin(angle * 3),
              start.plusSeconds(i),
              120 + i % 40,
              85 + i % 10,
              180 + i % 60));
    }
    return gpx.append("</trkseg></trk></gpx>\n").toString().getBytes(StandardCharsets.UTF_8);
  }
}
